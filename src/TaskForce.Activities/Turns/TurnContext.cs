using TaskForce.Activities.Connector;
using TaskForce.Activities.Schema;

namespace TaskForce.Activities.Turns;

/// <summary>
/// One incoming activity and the means to answer it. Replies are addressed like the SDK's <c>CreateReply</c> (§3.2):
/// from = incoming recipient, recipient = incoming from, same conversation and channel, replyToId = incoming id.
/// With <c>deliveryMode: expectReplies</c> they are buffered for the HTTP response instead (§2.4).
/// </summary>
public sealed class TurnContext
{
    private readonly IConnectorClient _connector;
    private readonly List<BotActivity> _buffered = [];

    public TurnContext(BotActivity activity, IConnectorClient connector, string? callerId, string defaultTimeZone)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultTimeZone);
        Activity = activity;
        _connector = connector;
        CallerId = callerId;
        ClientInfoEntity? clientInfo = activity.EntitiesOfType(Entity.ClientInfoType).Select(e => e.AsClientInfo()).FirstOrDefault();
        Text = MentionText.StripRecipientMention(activity);
        Locale = NullIfBlank(activity.Locale) ?? NullIfBlank(clientInfo?.Locale);
        TimeZone = NullIfBlank(activity.LocalTimezone) ?? NullIfBlank(clientInfo?.Timezone) ?? defaultTimeZone;
        Reference = activity.GetConversationReference();
    }

    public BotActivity Activity { get; }

    /// <summary>The message text without the bot's own @mention, trimmed.</summary>
    public string Text { get; }

    /// <summary>The activity's locale, else the clientInfo locale.</summary>
    public string? Locale { get; }

    /// <summary>The user's IANA time zone: localTimezone, else clientInfo.timezone, else the configured default.</summary>
    public string TimeZone { get; }

    public ConversationReference Reference { get; }

    public bool ExpectReplies => Activity.ExpectsReplies;

    /// <summary>Who sent the activity, from the validated token (never from the payload, A2251).</summary>
    public string? CallerId { get; }

    /// <summary>
    /// Whether the channel's word on who the user is (Teams' <c>aadObjectId</c>, the members API) may link an account:
    /// set from the validated credential (a Bot Framework token, a configured caller, or development mode on loopback).
    /// </summary>
    public bool VouchesForUser { get; init; }

    public IReadOnlyList<BotActivity> BufferedReplies => _buffered;

    /// <summary>
    /// Set by a handler that recorded the activity as processed inside its own transaction, so the runner does not
    /// record it a second time.
    /// </summary>
    public bool ProcessedRecorded { get; set; }

    /// <summary>
    /// Set by a handler whose work was rolled back (the database was busy, or the turn failed) after it asked the user
    /// to send again: the activity must not be recorded as processed, so a re-delivery runs instead of being dropped.
    /// </summary>
    public bool LeaveUnprocessed { get; set; }

    /// <summary>Sends a reply into the conversation; null when it was buffered for an expectReplies response.</summary>
    public async Task<ConnectorResult?> SendAsync(BotActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        BotActivity reply = Address(activity);
        if (ExpectReplies)
        {
            _buffered.Add(reply);
            return null;
        }

        return reply.ReplyToId is { } replyToId
            ? await _connector.ReplyToActivityAsync(Reference, replyToId, reply, cancellationToken)
            : await _connector.SendToConversationAsync(Reference, reply, cancellationToken);
    }

    /// <summary>Shows the typing indicator (only 1:1 and group chats render it in Teams, §5.6).</summary>
    public Task SendTypingAsync(CancellationToken cancellationToken) => SendAsync(BotActivity.Typing(), cancellationToken);

    private BotActivity Address(BotActivity activity) => activity with
    {
        From = activity.From ?? Activity.Recipient,
        Recipient = activity.Recipient ?? Activity.From,
        Conversation = activity.Conversation ?? Activity.Conversation,
        ChannelId = activity.ChannelId ?? Activity.ChannelId,
        ReplyToId = activity.ReplyToId ?? ReplyTarget(),
        Locale = activity.Locale ?? Locale,
    };

    // Web Chat and Direct Line reject a replyToId that points at a conversationUpdate ([BBD] CreateReply).
    private string? ReplyTarget() =>
        Activity.Type == ActivityTypes.ConversationUpdate && Activity.ChannelId is "directline" or "webchat" ? null : Activity.Id;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
