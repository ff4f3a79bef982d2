using System.Text.Json.Nodes;

namespace TaskForce.Dialogs.Rendering;

/// <summary>
/// Adaptive Card building blocks. Cards are version 1.4 and use only elements Teams mobile renders
/// (docs/protocol.md §5.5); every card message also carries a plain-text fallback.
/// </summary>
internal static class Cards
{
    public const string Version = "1.4";

    public static JsonObject Card(IEnumerable<JsonNode> body, IEnumerable<JsonNode>? actions = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = new JsonArray([.. body]),
        };
        JsonNode[] actionList = actions is null ? [] : [.. actions];
        if (actionList.Length > 0)
        {
            card["actions"] = new JsonArray(actionList);
        }

        return card;
    }

    public static JsonObject Heading(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["weight"] = "Bolder",
        ["size"] = "Medium",
        ["wrap"] = true,
    };

    public static JsonObject Text(string text, bool subtle = false) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["wrap"] = true,
        ["isSubtle"] = subtle,
        ["spacing"] = "Small",
    };

    /// <summary>A traffic light as a bold word in its colour (Adaptive Card colours: good, warning, attention), not only an emoji.</summary>
    public static JsonObject Light(string text, Core.Tasks.Light light) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["wrap"] = true,
        ["weight"] = "Bolder",
        ["color"] = light switch
        {
            Core.Tasks.Light.Green => "Good",
            Core.Tasks.Light.Yellow => "Warning",
            Core.Tasks.Light.Red => "Attention",
            _ => "Default",
        },
        ["spacing"] = "Small",
    };

    /// <summary>
    /// Label/value rows. Not a FactSet: at phone width a FactSet squeezes its title column and breaks a Chinese label
    /// inside a word. Each row is a column set whose label column takes its natural width and never
    /// wraps, and whose value column wraps in the space left.
    /// </summary>
    public static JsonObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "Container",
        ["spacing"] = "Small",
        ["items"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject
        {
            ["type"] = "ColumnSet",
            ["spacing"] = "Small",
            ["columns"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "Column",
                    ["width"] = "auto",
                    ["items"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = f.Title, ["weight"] = "Bolder", ["wrap"] = false }),
                },
                new JsonObject
                {
                    ["type"] = "Column",
                    ["width"] = "stretch",
                    ["items"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = f.Value, ["wrap"] = true }),
                }),
        })]),
    };

    public static JsonObject Submit(string title, JsonObject data) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = data,
    };

    /// <summary>Buttons inside the body, under the element they act on (Adaptive Cards 1.2).</summary>
    public static JsonObject ActionSet(IEnumerable<JsonNode> actions) => new()
    {
        ["type"] = "ActionSet",
        ["actions"] = new JsonArray([.. actions]),
    };

    /// <summary>Submit data for a command: arrives as the activity's value, e.g. {"action":"ack","id":12}.</summary>
    public static JsonObject Command(string action, long? id = null, long? extra = null)
    {
        var data = new JsonObject { ["action"] = action };
        if (id is not null)
        {
            data["id"] = id.Value;
        }

        if (extra is not null)
        {
            data["extra"] = extra.Value;
        }

        return data;
    }
}
