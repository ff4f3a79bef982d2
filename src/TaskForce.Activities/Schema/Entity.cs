using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskForce.Activities.Schema;

/// <summary>
/// An entity attached to an activity (§1.6). Only <see cref="Type"/> is modelled; the rest stays in
/// <see cref="Properties"/> and is read through <see cref="AsMention"/> and <see cref="AsClientInfo"/>.
/// </summary>
public sealed record Entity
{
    public const string MentionType = "mention";
    public const string ClientInfoType = "clientInfo";

    public required string Type { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>A mention entity for an outgoing message; <paramref name="text"/> must occur in the message text.</summary>
    public static Entity Mention(ChannelAccount mentioned, string text)
    {
        ArgumentNullException.ThrowIfNull(mentioned);
        ArgumentException.ThrowIfNullOrEmpty(text);
        return new Entity
        {
            Type = MentionType,
            Properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
            {
                ["mentioned"] = JsonSerializer.SerializeToElement(mentioned, ActivityJson.Default.ChannelAccount),
                ["text"] = JsonSerializer.SerializeToElement(text, ActivityJson.Default.String),
            },
        };
    }

    /// <summary>The mention this entity carries, or null when it is no (well-formed) mention.</summary>
    public MentionEntity? AsMention()
    {
        if (!string.Equals(Type, MentionType, StringComparison.OrdinalIgnoreCase) || Properties is null)
        {
            return null;
        }

        ChannelAccount? mentioned = Read(Properties, "mentioned", ActivityJson.Default.ChannelAccount);
        return mentioned is null ? null : new MentionEntity(mentioned, ReadString(Properties, "text"));
    }

    /// <summary>The client information (locale, country, platform, IANA time zone), or null for other entities.</summary>
    public ClientInfoEntity? AsClientInfo() =>
        !string.Equals(Type, ClientInfoType, StringComparison.OrdinalIgnoreCase) || Properties is null
            ? null
            : new ClientInfoEntity(
                ReadString(Properties, "locale"),
                ReadString(Properties, "country"),
                ReadString(Properties, "platform"),
                ReadString(Properties, "timezone"));

    private static string? ReadString(Dictionary<string, JsonElement> properties, string name) =>
        Find(properties, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static T? Read<T>(Dictionary<string, JsonElement> properties, string name, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
        where T : class
    {
        if (Find(properties, name) is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        try
        {
            return value.Deserialize(info);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Casing drifts between clients (§1.1), so names are matched case-insensitively.
    private static JsonElement? Find(Dictionary<string, JsonElement> properties, string name)
    {
        foreach ((string key, JsonElement value) in properties)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
