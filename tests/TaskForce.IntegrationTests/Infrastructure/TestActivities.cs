using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaskForce.IntegrationTests.Infrastructure;

/// <summary>Teams-shaped activities as JSON, and a helper to post them to <c>/api/messages</c>.</summary>
internal static class TestActivities
{
    public const string BotId = "28:bot-app-id";
    public const string UserId = "29:user-1";
    public const string TenantId = "00000000-0000-0000-0000-000000000001";

    public static JsonObject Message(string serviceUrl, string text, string? id = null, string conversationId = "a:conversation-1", string channelId = "msteams") => new()
    {
        ["type"] = "message",
        ["id"] = id ?? Guid.NewGuid().ToString("N"),
        ["timestamp"] = "2030-03-04T01:30:00.000Z",
        ["localTimestamp"] = "2030-03-04T09:30:00.000+08:00",
        ["localTimezone"] = "Asia/Shanghai",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = channelId,
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Li Lei", ["aadObjectId"] = "aad-user-1" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "TaskForce" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = TenantId },
        ["text"] = text,
        ["locale"] = "en-US",
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonNode activity, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, byte[] body, string contentType = "application/json")
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
    }

    public static JsonDocument Json(string text) => JsonDocument.Parse(text);
}
