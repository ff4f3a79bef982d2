namespace TaskForce.Core.Outbox;

/// <summary>A row of the outbox: one proactive message to one member, with its delivery state.</summary>
public sealed record OutboxJob(
    long Id,
    string Kind,
    string IdempotencyKey,
    DateTimeOffset DueAt,
    DateTimeOffset? NotAfter,
    long? RecipientMemberId,
    long? MeetingId,
    long? BlockerId,
    string Payload,
    OutboxState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LeaseOwner,
    string? LastError,
    bool Critical,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt);

/// <summary>A job to materialize; a second job with the same <see cref="IdempotencyKey"/> is ignored.</summary>
public sealed record NewOutboxJob(
    string Kind,
    string IdempotencyKey,
    DateTimeOffset DueAt,
    long? RecipientMemberId,
    string Payload,
    DateTimeOffset? NotAfter = null,
    long? MeetingId = null,
    long? BlockerId = null,
    bool Critical = false);

public enum OutboxState
{
    Pending,
    Retrying,
    Sent,
    Failed,
    Skipped,
    Voided,
    Digested,

    /// <summary>The member cannot be written to yet (never opened the bot); their first message releases the job.</summary>
    Waiting,
}

/// <summary>The kinds of proactive message; each has its payload shape (see the README's outbox section).</summary>
public static class OutboxKinds
{
    public const string Reminder = "reminder";
    public const string Nudge = "nudge";
    public const string Escalation = "escalation";
    public const string EscalationNotice = "escalation-notice";
    public const string EscalationRepeat = "escalation-repeat";
    public const string Digest = "digest";
    public const string MeetingCancelled = "meeting-cancelled";
}

internal static class OutboxStates
{
    public static string ToText(OutboxState state) => state switch
    {
        OutboxState.Pending => "pending",
        OutboxState.Retrying => "retrying",
        OutboxState.Sent => "sent",
        OutboxState.Failed => "failed",
        OutboxState.Skipped => "skipped",
        OutboxState.Voided => "voided",
        OutboxState.Waiting => "waiting",
        _ => "digested",
    };

    public static OutboxState Parse(string text) => text switch
    {
        "pending" => OutboxState.Pending,
        "retrying" => OutboxState.Retrying,
        "sent" => OutboxState.Sent,
        "failed" => OutboxState.Failed,
        "skipped" => OutboxState.Skipped,
        "voided" => OutboxState.Voided,
        "waiting" => OutboxState.Waiting,
        _ => OutboxState.Digested,
    };
}
