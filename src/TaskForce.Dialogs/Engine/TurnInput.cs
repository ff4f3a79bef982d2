using System.Text.Json;

namespace TaskForce.Dialogs.Engine;

/// <summary>One message from a user, as the dialogs see it: no wire JSON, only what a turn needs.</summary>
public sealed record TurnInput(
    string ChannelId,
    string ConversationId,
    string UserId,
    string? AadObjectId,
    string? ActivityId,
    string Text,
    JsonElement? Value,
    string? Locale,
    string TimeZone);
