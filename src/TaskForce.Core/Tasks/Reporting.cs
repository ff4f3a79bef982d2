namespace TaskForce.Core.Tasks;

/// <summary>A member with open tasks and no report on them since a point in time.</summary>
public sealed record NonReporter(long MemberId, string Name, int OpenTasks);

/// <summary>Everything a leader sees for a campaign (or the city when <see cref="CampaignId"/> is null).</summary>
public sealed record CampaignSummary(
    long? CampaignId,
    IReadOnlyDictionary<Light, int> Counts,
    IReadOnlyList<TaskView> Overdue,
    IReadOnlyList<TaskView> RedAndYellow,
    IReadOnlyList<NonReporter> NonReporters,
    DateTimeOffset ReportedSince);
