using System.Text.Json.Nodes;

namespace TaskForce.Dialogs.Rendering;

/// <summary>
/// What the bot says, before it becomes an Activity: text in the member's language, buttons (suggested
/// actions, and a numbered list in the text for channels without buttons) and an optional Adaptive Card.
/// </summary>
public sealed record OutgoingMessage(string Text)
{
    public IReadOnlyList<MessageButton> Buttons { get; init; } = [];

    /// <summary>Adaptive Card content (version ≤ 1.4); <see cref="Text"/> is its plain-text fallback.</summary>
    public JsonObject? Card { get; init; }
}

/// <summary>A button: <paramref name="Title"/> is shown; <paramref name="Value"/> is sent back as the user's text,
/// or as the card submit data when <paramref name="Data"/> is set.</summary>
public sealed record MessageButton(string Title, string Value, JsonObject? Data = null);
