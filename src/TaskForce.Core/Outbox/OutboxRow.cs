namespace TaskForce.Core.Outbox;

/// <summary>An Outbox row as SQLite returns it; <see cref="OutboxStore.JobColumns"/> lists the columns in constructor order.</summary>
internal sealed record OutboxRow(
    long Id, string Kind, string IdempotencyKey, long DueAtMs, long? NotAfterMs, long? RecipientMemberId, long? MeetingId,
    long? BlockerId, string Payload, string State, long Attempts, long NextAttemptAtMs, string? LeaseOwner, string? LastError,
    long Critical, long CreatedAtMs, long? CompletedAtMs)
{
    public OutboxJob ToJob() => new(
        Id,
        Kind,
        IdempotencyKey,
        DateTimeOffset.FromUnixTimeMilliseconds(DueAtMs),
        NotAfterMs is { } notAfter ? DateTimeOffset.FromUnixTimeMilliseconds(notAfter) : null,
        RecipientMemberId,
        MeetingId,
        BlockerId,
        Payload,
        OutboxStates.Parse(State),
        (int)Attempts,
        DateTimeOffset.FromUnixTimeMilliseconds(NextAttemptAtMs),
        LeaseOwner,
        LastError,
        Critical != 0,
        DateTimeOffset.FromUnixTimeMilliseconds(CreatedAtMs),
        CompletedAtMs is { } completed ? DateTimeOffset.FromUnixTimeMilliseconds(completed) : null);
}
