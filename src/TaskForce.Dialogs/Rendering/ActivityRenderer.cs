using TaskForce.Activities.Schema;

namespace TaskForce.Dialogs.Rendering;

/// <summary>
/// Turns what the bot says into a message activity: the card as an Adaptive Card attachment with the text
/// as its summary (the fallback for channels that cannot render cards), buttons as suggested actions unless the card
/// carries the same choices as its own actions.
/// Channels listed as text-only get the plain text with its numbered choices instead of the card.
/// Teams reads message text as Markdown and drops a single line break, so there every line break is doubled.
/// </summary>
public static class ActivityRenderer
{
    /// <summary>Channels that render no Adaptive Cards (Azure Bot Service's SMS and e-mail channels).</summary>
    public static IReadOnlySet<string> TextOnlyChannels { get; } = new HashSet<string>(StringComparer.Ordinal) { "sms", "email" };

    public static BotActivity ToActivity(OutgoingMessage message, string? channelId)
    {
        ArgumentNullException.ThrowIfNull(message);
        bool cards = message.Card is not null && !TextOnlyChannels.Contains(channelId ?? string.Empty);
        BotActivity activity = cards
            ? BotActivity.Message(Attachment.AdaptiveCard(message.Card!.DeepClone())) with { Summary = message.Text }
            : BotActivity.Message(ForChannel(message.Text, channelId));
        // The buttons mirror the card's own actions for channels that show no card; sending both shows every choice twice.
        if (message.Buttons.Count == 0 || (cards && message.Card!["actions"] is System.Text.Json.Nodes.JsonArray { Count: > 0 }))
        {
            return activity;
        }

        return activity.WithSuggestedActions([.. message.Buttons.Select(b => CardAction.ImBack(b.Title, b.Value))]);
    }

    /// <summary>
    /// Channels that render message text as Markdown, where one line break joins two lines into one paragraph:
    /// Teams, and Web Chat (which the Emulator and Direct Line clients embed).
    /// </summary>
    private static readonly HashSet<string> s_markdownChannels = new(StringComparer.Ordinal) { "msteams", "webchat", "directline", "emulator" };

    /// <summary>The text as the channel will show it with its line breaks kept.</summary>
    public static string ForChannel(string text, string? channelId)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (channelId is null || !s_markdownChannels.Contains(channelId) || !text.Contains('\n', StringComparison.Ordinal))
        {
            return text;
        }

        string[] lines = text.ReplaceLineEndings("\n").Split('\n');
        return string.Join("\n\n", lines.Where(line => line.Length > 0));
    }
}
