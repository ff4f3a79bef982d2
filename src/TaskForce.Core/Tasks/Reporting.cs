namespace TaskForce.Core.Tasks;

/// <summary>A member with open tasks and no report on them since a point in time.</summary>
public sealed record NonReporter(long MemberId, string Name, int OpenTasks);

/// <summary>
/// Everything a leader sees for a campaign (or the city when <see cref="CampaignId"/> is null). <see cref="Counts"/>
/// covers every task in scope; <see cref="Overdue"/> holds the first <see cref="TaskSummaryStore.ListedRows"/> overdue
/// tasks by deadline, and <see cref="RedAndYellow"/> (red first, then by deadline) starts with those same overdue tasks
/// and goes on with the first <see cref="TaskSummaryStore.ListedRows"/> red or yellow tasks that are not overdue.
/// </summary>
public sealed record CampaignSummary(
    long? CampaignId,
    IReadOnlyDictionary<Light, int> Counts,
    IReadOnlyList<TaskView> Overdue,
    IReadOnlyList<TaskView> RedAndYellow,
    IReadOnlyList<NonReporter> NonReporters,
    DateTimeOffset ReportedSince);
