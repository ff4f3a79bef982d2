using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaskForce.Activities.Schema;

/// <summary>A card or file attached to a message; set either <see cref="Content"/> or <see cref="ContentUrl"/> (A7100).</summary>
public sealed record Attachment
{
    /// <summary>The highest Adaptive Card version the bot sends: phones refuse newer ones (§5.5).</summary>
    public const string MaxAdaptiveCardVersion = "1.4";

    public required string ContentType { get; init; }

    public JsonElement? Content { get; init; }

    public string? ContentUrl { get; init; }

    public string? Name { get; init; }

    public string? ThumbnailUrl { get; init; }

    /// <summary>An Adaptive Card; a missing <c>version</c> is set to 1.4, a newer one is refused.</summary>
    public static Attachment AdaptiveCard(JsonNode card)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card is not JsonObject cardObject)
        {
            throw new ArgumentException("An Adaptive Card must be a JSON object.", nameof(card));
        }

        JsonObject copy = cardObject.DeepClone().AsObject();
        copy["type"] ??= "AdaptiveCard";
        string? version = copy["version"]?.GetValue<string>();
        if (version is null)
        {
            copy["version"] = MaxAdaptiveCardVersion;
        }
        else if (!IsSupportedVersion(version))
        {
            throw new ArgumentException($"Adaptive Card version {version} is above {MaxAdaptiveCardVersion}.", nameof(card));
        }

        return new Attachment
        {
            ContentType = ContentTypes.AdaptiveCard,
            Content = JsonSerializer.SerializeToElement(copy, ActivityJson.Default.JsonObject),
        };
    }

    /// <summary>An Adaptive Card given as a JSON element.</summary>
    public static Attachment AdaptiveCard(JsonElement card) =>
        AdaptiveCard(JsonNode.Parse(card.GetRawText()) ?? throw new ArgumentException("The card is JSON null.", nameof(card)));

    /// <summary>A hero card (title, text, buttons); the Agents Playground does not render these (§6.3).</summary>
    public static Attachment HeroCard(JsonElement content) => new() { ContentType = ContentTypes.HeroCard, Content = content };

    private static bool IsSupportedVersion(string version) =>
        Version.TryParse(version, out Version? parsed)
        && parsed <= Version.Parse(MaxAdaptiveCardVersion);
}
