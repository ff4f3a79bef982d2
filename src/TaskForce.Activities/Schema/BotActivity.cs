using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskForce.Activities.Schema;

/// <summary>
/// One Bot Framework activity as it travels on the wire (docs/protocol.md §1). Fields the bot does not model are kept
/// in <see cref="Extra"/> so that an activity round-trips unchanged.
/// </summary>
public sealed record BotActivity
{
    public required string Type { get; init; }

    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The sender's wall-clock time with its offset; never converted to the server's zone (§7).</summary>
    public DateTimeOffset? LocalTimestamp { get; init; }

    /// <summary>IANA zone name of the sender, e.g. <c>Asia/Shanghai</c>.</summary>
    public string? LocalTimezone { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? ReplyToId { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? Locale { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public string? AttachmentLayout { get; init; }

    public SuggestedActions? SuggestedActions { get; init; }

    public IReadOnlyList<Entity>? Entities { get; init; }

    /// <summary>Channel-specific payload; an object on the wire (A2200).</summary>
    public JsonElement? ChannelData { get; init; }

    public JsonElement? Value { get; init; }

    public string? Name { get; init; }

    public string? Action { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    public string? DeliveryMode { get; init; }

    public string? Summary { get; init; }

    public string? InputHint { get; init; }

    // Must be { get; set; }: the source generator cannot populate an init-only extension-data property.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>True when the sender asked for the replies in the HTTP response (§2.4).</summary>
    [JsonIgnore]
    public bool ExpectsReplies => string.Equals(DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);

    /// <summary>A plain text message.</summary>
    public static BotActivity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    /// <summary>A message carrying one attachment, e.g. an Adaptive Card.</summary>
    public static BotActivity Message(Attachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return new BotActivity { Type = ActivityTypes.Message, Attachments = [attachment] };
    }

    /// <summary>A typing indicator.</summary>
    public static BotActivity Typing() => new() { Type = ActivityTypes.Typing };

    /// <summary>Adds <c>imBack</c> suggested actions (channels show at most 3 reliably, §5.5).</summary>
    public BotActivity WithSuggestedActions(params IEnumerable<string> titles)
    {
        ArgumentNullException.ThrowIfNull(titles);
        CardAction[] actions = [.. titles.Select(title => CardAction.ImBack(title))];
        return WithSuggestedActions(actions);
    }

    /// <summary>Adds the given card actions as suggested actions; an empty list removes them (A7701).</summary>
    public BotActivity WithSuggestedActions(IReadOnlyList<CardAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return this with { SuggestedActions = actions.Count == 0 ? null : new SuggestedActions { Actions = actions } };
    }

    /// <summary>The reference a proactive message needs to reach this activity's conversation later (§3.3).</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
    };

    /// <summary>The entities of the given type (compared case-insensitively, [BBD] GetMentions).</summary>
    public IEnumerable<Entity> EntitiesOfType(string type) =>
        (Entities ?? []).Where(entity => string.Equals(entity.Type, type, StringComparison.OrdinalIgnoreCase));
}
