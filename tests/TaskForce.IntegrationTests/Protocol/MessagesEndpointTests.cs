using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Core.Conversations;
using TaskForce.IntegrationTests.Infrastructure;

namespace TaskForce.IntegrationTests.Protocol;

/// <summary>The endpoint in development mode (no app id): shapes of requests and answers.</summary>
public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private ProtocolHost _host = null!;

    public async Task InitializeAsync() => _host = await ProtocolHost.StartAsync(withAppId: false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private JsonObject Message(string text = "hello", string? id = null) => TestActivities.Message(_host.Connector.ServiceUrl, text, id);

    [Fact]
    public async Task Post_Message_EchoesThroughConnectorWithoutToken()
    {
        HttpResponseMessage response = await TestActivities.PostAsync(_host.Client, Message("report 70%", id: "act-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ConnectorCall call = Assert.Single(_host.Connector.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/_connector/v3/conversations/a%3Aconversation-1/activities/act-1", call.Path);
        Assert.Null(call.Authorization);
        using JsonDocument body = JsonDocument.Parse(call.Body);
        Assert.Equal("You said: report 70%", body.RootElement.GetProperty("text").GetString());
        Assert.Equal(TestActivities.BotId, body.RootElement.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(TestActivities.UserId, body.RootElement.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("act-1", body.RootElement.GetProperty("replyToId").GetString());
        Assert.False(body.RootElement.TryGetProperty("serviceUrl", out _));
        Assert.False(body.RootElement.TryGetProperty("id", out _));
    }

    [Fact]
    public async Task Post_ChineseLocale_PassesLocaleToHandler()
    {
        JsonObject activity = Message("hi");
        activity["locale"] = "zh-CN";

        await TestActivities.PostAsync(_host.Client, activity);

        ConnectorCall call = Assert.Single(_host.Connector.Calls);
        string expected = EchoHandler.Expected("hi", "zh-CN");
        Assert.Equal(expected, JsonDocument.Parse(call.Body).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Post_ChannelConversationId_EscapesPathSegments()
    {
        JsonObject activity = TestActivities.Message(_host.Connector.ServiceUrl, "x", "1:2", conversationId: "19:abc@thread.tacv2;messageid=42");

        await TestActivities.PostAsync(_host.Client, activity);

        ConnectorCall call = Assert.Single(_host.Connector.Calls);
        Assert.Equal("/_connector/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D42/activities/1%3A2", call.Path);
    }

    [Fact]
    public async Task Post_ExpectReplies_ReturnsRepliesInBodyAndCallsNoConnector()
    {
        JsonObject activity = Message("buffer me");
        activity["deliveryMode"] = "expectReplies";

        HttpResponseMessage response = await TestActivities.PostAsync(_host.Client, activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        JsonElement reply = Assert.Single(body.RootElement.GetProperty("activities").EnumerateArray());
        Assert.Equal("You said: buffer me", reply.GetProperty("text").GetString());
        Assert.Empty(_host.Connector.Calls);
    }

    [Fact]
    public async Task Post_UnhandledInvoke_Returns501()
    {
        JsonObject activity = Message();
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";

        HttpResponseMessage response = await TestActivities.PostAsync(_host.Client, activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownActivityType_Returns200AndDoesNothing()
    {
        JsonObject activity = Message();
        activity["type"] = "somethingNew";

        HttpResponseMessage response = await TestActivities.PostAsync(_host.Client, activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Connector.Calls);
    }

    [Fact]
    public async Task Post_GroupMessageWithMention_EchoesTextWithoutMention()
    {
        JsonObject activity = Message("<at>TaskForce</at> status please");
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = TestActivities.BotId, ["name"] = "TaskForce" },
            ["text"] = "<at>TaskForce</at>",
        });

        await TestActivities.PostAsync(_host.Client, activity);

        ConnectorCall call = Assert.Single(_host.Connector.Calls);
        Assert.Equal("You said: status please", JsonDocument.Parse(call.Body).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Post_Message_StoresConversationReference()
    {
        await TestActivities.PostAsync(_host.Client, Message());

        ConversationReferenceStore store = _host.App.Services.GetRequiredService<ConversationReferenceStore>();
        StoredConversationReference? stored = await store.GetAsync("msteams", "a:conversation-1", TestActivities.UserId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(_host.Connector.ServiceUrl, stored.ServiceUrl);
        Assert.Equal("Asia/Shanghai", stored.TimeZone);
        Assert.Equal(TestActivities.TenantId, stored.TenantId);
        Assert.Null(stored.MemberId);
        Assert.Contains(TestActivities.BotId, stored.ReferenceJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SameActivityTwice_ProcessesOnce()
    {
        JsonObject activity = Message(id: "dup-1");

        HttpResponseMessage first = await TestActivities.PostAsync(_host.Client, activity);
        HttpResponseMessage second = await TestActivities.PostAsync(_host.Client, activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(_host.Connector.Calls);
    }

    [Fact]
    public async Task Post_SameActivityConcurrently_ProcessesOnce()
    {
        JsonObject activity = Message(id: "dup-2");

        HttpResponseMessage[] responses = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(_ => TestActivities.PostAsync(_host.Client, activity)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(_host.Connector.Calls);
    }

    [Fact]
    public async Task Post_ReplayWithExpectReplies_ReturnsEmptyActivities()
    {
        JsonObject activity = Message(id: "dup-3");
        activity["deliveryMode"] = "expectReplies";
        await TestActivities.PostAsync(_host.Client, activity);

        HttpResponseMessage replay = await TestActivities.PostAsync(_host.Client, activity);

        using JsonDocument body = JsonDocument.Parse(await replay.Content.ReadAsStringAsync());
        Assert.Empty(body.RootElement.GetProperty("activities").EnumerateArray());
    }
}
