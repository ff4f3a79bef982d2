using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Activities.Schema;
using TaskForce.Activities.Turns;
using TaskForce.IntegrationTests.Infrastructure;

namespace TaskForce.IntegrationTests.Protocol;

public sealed class InvokeAndTenantTests
{
    [Fact]
    public async Task Post_HandledInvoke_ReturnsHandlerStatusAndBody()
    {
        await using ProtocolHost host = await ProtocolHost.StartAsync(
            withAppId: false, services: s => s.AddSingleton<IActivityHandler>(new InvokeHandler()));
        JsonObject activity = TestActivities.Message(host.Connector.ServiceUrl, "");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";

        HttpResponseMessage response = await TestActivities.PostAsync(host.Client, activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.microsoft.activity.message", body.RootElement.GetProperty("type").GetString());
        Assert.Empty(host.Connector.Calls);
    }

    [Fact]
    public async Task Post_TenantNotAllowed_Returns403AndSendsNothing()
    {
        await using ProtocolHost host = await ProtocolHost.StartAsync(
            extraSettings: new Dictionary<string, string?> { ["Bot:AllowedTenantIds:0"] = "some-other-tenant" });
        string token = host.Tokens.BotFramework(ProtocolHost.AppId, host.Connector.ServiceUrl);

        HttpResponseMessage response = await TestActivities.PostAsync(host.Client, TestActivities.Message(host.Connector.ServiceUrl, "hi"), token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Connector.Calls);
    }

    [Fact]
    public async Task Post_TenantAllowed_IsProcessed()
    {
        await using ProtocolHost host = await ProtocolHost.StartAsync(
            extraSettings: new Dictionary<string, string?> { ["Bot:AllowedTenantIds:0"] = TestActivities.TenantId });
        string token = host.Tokens.BotFramework(ProtocolHost.AppId, host.Connector.ServiceUrl);

        HttpResponseMessage response = await TestActivities.PostAsync(host.Client, TestActivities.Message(host.Connector.ServiceUrl, "hi"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Connector.Calls);
    }

    [Fact]
    public async Task Post_EntraTokenWithForeignTid_Returns401()
    {
        const string Tenant = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
        await using ProtocolHost host = await ProtocolHost.StartAsync(tenantId: Tenant);
        string token = host.Tokens.Entra(ProtocolHost.AppId, Tenant, "caller-app", tidClaim: "12345678-1234-1234-1234-123456789012");

        HttpResponseMessage response = await TestActivities.PostAsync(host.Client, TestActivities.Message(host.Connector.ServiceUrl, "hi"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Connector.Calls);
    }

    private sealed class InvokeHandler : IActivityHandler
    {
        public Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            JsonElement body = JsonSerializer.SerializeToElement(
                new JsonObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = "done" },
                ActivityJson.Default.JsonObject);
            return Task.FromResult<InvokeResponse?>(new InvokeResponse(200, body));
        }
    }
}
