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
    string TimeZone)
{
    /// <summary>Asks the channel for the user's e-mail (Teams: the members API), for linking a user the roster knows only by e-mail.</summary>
    public Func<CancellationToken, Task<string?>>? LookupEmail { get; init; }
}
