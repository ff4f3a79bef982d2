using TaskForce.Core.Tasks;

namespace TaskForce.Core.Meetings;

/// <summary>The campaign brief attached to a meeting reminder.</summary>
public sealed record MeetingBrief(
    string CampaignName,
    string? CampaignNameEn,
    IReadOnlyDictionary<Light, int> Counts,
    IReadOnlyList<BriefTask> RedTasks,
    IReadOnlyList<BriefTask> YellowTasks,
    IReadOnlyList<BriefBlocker> OpenBlockers,
    DateTimeOffset? PreviousOccurrenceStart,
    IReadOnlyList<MeetingDecision> PreviousDecisions);

/// <summary>A task in a brief; <see cref="Reason"/> says why a red or yellow one has its light.</summary>
public sealed record BriefTask(long Id, string Title, string? TitleEn, int? Percent, DateOnly Deadline, LightReason? Reason = null);

/// <summary>An open blocker in a brief, with the departments asked to consult on it (会商) and whether each answered.</summary>
public sealed record BriefBlocker(
    long Id, long TaskId, string TaskTitle, string? TaskTitleEn, string Text, string Severity, int Level, DateTimeOffset RaisedAt)
{
    public IReadOnlyList<Blockers.BlockerConsultation> Consultations { get; init; } = [];
}
