namespace TaskForce.Core.Conversations;

/// <summary>
/// A conversation reference as stored: the plain fields used for lookups plus the full reference as JSON
/// (the protocol layer's ConversationReference, opaque to Core).
/// </summary>
public sealed record StoredConversationReference(
    string ChannelId,
    string ConversationId,
    string UserId,
    string ServiceUrl,
    string? TenantId,
    string? ConversationType,
    string? Locale,
    string? TimeZone,
    string ReferenceJson)
{
    public long? MemberId { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? DeadAt { get; init; }

    public string? DeadReason { get; init; }
}
