namespace TaskForce.Core.Outbox;

/// <summary>
/// The network boundary of the dispatcher: renders a job for its recipient and sends it through the connector.
/// The implementation lives in the host; tests use a recording fake.
/// </summary>
public interface IOutboxDelivery
{
    /// <summary>Sends <paramref name="job"/>; <paramref name="late"/> is true more than <c>Outbox:LateAfter</c> past its due time (label it so).</summary>
    public Task<DeliveryResult> DeliverAsync(OutboxJob job, bool late, CancellationToken cancellationToken);
}

/// <summary>What became of one delivery attempt.</summary>
public abstract record DeliveryResult
{
    private DeliveryResult()
    {
    }

    public static DeliveryResult Success { get; } = new Delivered();

    /// <summary>Sent and accepted by the channel.</summary>
    public sealed record Delivered : DeliveryResult;

    /// <summary>429, 412, 5xx or a network error: try again, not before <paramref name="RetryAfter"/> when the channel said so.</summary>
    public sealed record RetryLater(TimeSpan? RetryAfter, string? Reason = null) : DeliveryResult;

    /// <summary>Will never succeed (400, 413, no conversation reference, ...).</summary>
    public sealed record PermanentFailure(string Reason) : DeliveryResult;

    /// <summary>
    /// The member has no conversation with the bot yet and none could be started (no Entra object id, no Teams tenant
    /// known, or Teams refused): the job waits for the member's first message instead of failing.
    /// </summary>
    public sealed record AwaitingContact(string Reason) : DeliveryResult;

    /// <summary>403 BotNotInConversationRoster / MessageWritesBlocked: the member's conversation reference is marked dead.</summary>
    public sealed record RecipientUnreachable(string Reason) : DeliveryResult;

    /// <summary>What the message asks for can no longer happen (its blocker moved on while it waited): skipped, not sent.</summary>
    public sealed record Superseded(string Reason) : DeliveryResult;
}
