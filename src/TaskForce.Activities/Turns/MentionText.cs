using TaskForce.Activities.Schema;

namespace TaskForce.Activities.Turns;

/// <summary>Removes the bot's own @mention from Teams message text (§5.2, [BBD] RemoveRecipientMention).</summary>
public static class MentionText
{
    public static string StripRecipientMention(BotActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        string text = activity.Text ?? "";
        string? botId = activity.Recipient?.Id;
        if (string.IsNullOrEmpty(botId))
        {
            return text.Trim();
        }

        foreach (MentionEntity mention in activity.EntitiesOfType(Entity.MentionType).Select(e => e.AsMention()).OfType<MentionEntity>())
        {
            if (!string.Equals(mention.Mentioned.Id, botId, StringComparison.Ordinal))
            {
                continue;
            }

            // The display name in <at> can differ from recipient.name, so the entity's own text wins.
            string? shown = mention.Text ?? (mention.Mentioned.Name is { } name ? $"<at>{name}</at>" : null);
            if (!string.IsNullOrEmpty(shown))
            {
                text = text.Replace(shown, "", StringComparison.OrdinalIgnoreCase);
            }
        }

        return text.Trim();
    }
}
