using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaskForce.IntegrationTests.Infrastructure;

/// <summary>
/// One user's chat with the bot over the real endpoint, using <c>deliveryMode: expectReplies</c> so each send
/// returns the bot's answers. Replies are read as their text (or a card's summary) and suggested action titles.
/// </summary>
internal sealed class ConversationDriver(HttpClient client, string serviceUrl, string userId, string? aadObjectId, string conversationId, string locale)
{
    public string ConversationId => conversationId;

    public async Task<IReadOnlyList<Reply>> SendAsync(string text, JsonObject? value = null, string? activityId = null)
    {
        JsonObject activity = Activity(text, activityId);
        if (value is not null)
        {
            activity["value"] = value;
        }

        HttpResponseMessage response = await TestActivities.PostAsync(client, activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. body.RootElement.GetProperty("activities").EnumerateArray().Select(Reply.From)];
    }

    public Task<IReadOnlyList<Reply>> SubmitAsync(string action, long? id = null) =>
        SendAsync(string.Empty, id is null ? new JsonObject { ["action"] = action } : new JsonObject { ["action"] = action, ["id"] = id });

    public JsonObject Activity(string text, string? activityId = null)
    {
        JsonObject activity = TestActivities.Message(serviceUrl, text, activityId ?? Guid.NewGuid().ToString("N"), conversationId);
        activity["from"] = new JsonObject { ["id"] = userId, ["name"] = userId, ["aadObjectId"] = aadObjectId };
        activity["locale"] = locale;
        activity["deliveryMode"] = "expectReplies";
        return activity;
    }
}

/// <summary>What the user sees of one reply; <see cref="CardActions"/> are the card's submit buttons as "action:id".</summary>
internal sealed record Reply(string Text, IReadOnlyList<string> Buttons, bool HasCard, IReadOnlyList<string> CardActions)
{
    public static Reply From(JsonElement activity)
    {
        string text = activity.TryGetProperty("text", out JsonElement t) ? t.GetString() ?? string.Empty
            : activity.TryGetProperty("summary", out JsonElement s) ? s.GetString() ?? string.Empty : string.Empty;
        string[] buttons = activity.TryGetProperty("suggestedActions", out JsonElement actions)
            ? [.. actions.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()!)]
            : [];
        bool card = activity.TryGetProperty("attachments", out JsonElement attachments) && attachments.GetArrayLength() > 0;
        List<string> submits = [];
        if (card)
        {
            foreach (JsonElement attachment in attachments.EnumerateArray())
            {
                CollectSubmits(attachment, submits);
            }
        }

        return new Reply(text, buttons, card, submits);
    }

    private static void CollectSubmits(JsonElement element, List<string> submits)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                CollectSubmits(item, submits);
            }
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (element.TryGetProperty("type", out JsonElement type) && type.GetString() == "Action.Submit"
            && element.TryGetProperty("data", out JsonElement data) && data.TryGetProperty("action", out JsonElement action))
        {
            submits.Add(data.TryGetProperty("id", out JsonElement id) ? action.GetString() + ":" + id.GetRawText() : action.GetString()!);
        }

        foreach (JsonProperty property in element.EnumerateObject())
        {
            CollectSubmits(property.Value, submits);
        }
    }
}
