namespace TaskForce.Activities.Schema;

/// <summary>Attachment content types of the cards the bot sends (§1.4).</summary>
public static class ContentTypes
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    public const string HeroCard = "application/vnd.microsoft.card.hero";
    public const string ThumbnailCard = "application/vnd.microsoft.card.thumbnail";
}
