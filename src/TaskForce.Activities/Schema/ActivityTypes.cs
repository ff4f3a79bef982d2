namespace TaskForce.Activities.Schema;

/// <summary>The activity types the protocol defines ([CHAN] ActivityTypes).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Typing = "typing";
    public const string Invoke = "invoke";
    public const string Event = "event";
    public const string EndOfConversation = "endOfConversation";
    public const string MessageReaction = "messageReaction";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string ContactRelationUpdate = "contactRelationUpdate";
    public const string Trace = "trace";
    public const string Handoff = "handoff";
    public const string Command = "command";
    public const string CommandResult = "commandResult";
    public const string Suggestion = "suggestion";

    private static readonly HashSet<string> s_known = new(StringComparer.OrdinalIgnoreCase)
    {
        Message, ConversationUpdate, InstallationUpdate, Typing, Invoke, Event, EndOfConversation, MessageReaction,
        MessageUpdate, MessageDelete, ContactRelationUpdate, Trace, Handoff, Command, CommandResult, Suggestion,
    };

    /// <summary>Whether the type is one the protocol defines; bots ignore any other (A2014).</summary>
    public static bool IsKnown(string? type) => type is not null && s_known.Contains(type);
}
