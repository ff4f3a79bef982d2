namespace TaskForce.Core.Blockers;

/// <summary>Blocker states as stored in Blockers.State.</summary>
public static class BlockerStates
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
    public const string Closed = "closed";
}

/// <summary>Severities as stored in Blockers.Severity.</summary>
public static class Severities
{
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";
    public const string Critical = "critical";
}

/// <summary>Outbox kinds written by blocker changes; the delivery renders them.</summary>
public static class BlockerNotices
{
    /// <summary>To the blocker's current owner, with acknowledge / resolve / ask-a-department actions.</summary>
    public const string Assigned = "blocker-assigned";

    /// <summary>To the reporter: what happened to their blocker.</summary>
    public const string Update = "blocker-update";
}

public sealed record BlockerDraft(long TaskId, string Text, string Severity, IReadOnlyList<long> DepartmentIds);

public sealed record BlockerView(
    long Id,
    long TaskId,
    string TaskTitle,
    string? TaskTitleEn,
    long CampaignId,
    string Text,
    string Severity,
    int Level,
    string State,
    long RaisedByMemberId,
    string RaisedByName,
    long? OwnerMemberId,
    string? OwnerName,
    DateTimeOffset RaisedAt,
    bool ReporterConfirmed)
{
    /// <summary>
    /// The next-level leader copied because the owner had not opened the bot yet (the <c>copied</c> event, whose
    /// actor is the member copied); they handle the blocker as its owner does.
    /// </summary>
    public long? CopiedMemberId { get; init; }

    public string LocalTaskTitle(string locale) =>
        locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(TaskTitleEn) ? TaskTitleEn : TaskTitle;
}

public enum BlockerOutcome
{
    Done,
    AlreadyDone,
    NotAllowed,
    NotFound,
    WrongState,
}

public sealed record BlockerResult(BlockerOutcome Outcome, BlockerView? Blocker = null)
{
    /// <summary>The owner has never opened the bot, so the notice waits for them (or for a Teams chat the bot starts).</summary>
    public bool OwnerNotYetReachable { get; init; }

    /// <summary>Who was copied at the next level because the owner could not be reached yet; null for nobody.</summary>
    public (string Name, string? NameEn)? CopiedTo { get; init; }
}

/// <summary>A department asked to consult on a blocker (会商), with the name recorded in the blocker's history.</summary>
public sealed record ConsultedDepartment(long Id, string Name, string? NameEn);
