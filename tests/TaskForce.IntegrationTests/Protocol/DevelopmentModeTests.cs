using System.Net;
using System.Text.Json.Nodes;
using TaskForce.IntegrationTests.Infrastructure;

namespace TaskForce.IntegrationTests.Protocol;

public sealed class DevelopmentModeTests
{
    [Fact]
    public async Task Post_NonLoopbackServiceUrl_Returns401AndSendsNothing()
    {
        await using ProtocolHost host = await ProtocolHost.StartAsync(withAppId: false);
        JsonObject activity = TestActivities.Message("https://smba.trafficmanager.net/amer/", "hi");

        HttpResponseMessage response = await TestActivities.PostAsync(host.Client, activity);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Connector.Calls);
    }

    [Fact]
    public async Task Post_LocalhostServiceUrlWithoutToken_IsAccepted()
    {
        await using ProtocolHost host = await ProtocolHost.StartAsync(withAppId: false);
        string localhostUrl = host.Connector.ServiceUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        HttpResponseMessage response = await TestActivities.PostAsync(host.Client, TestActivities.Message(localhostUrl, "hi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Connector.Calls);
    }

    [Fact]
    public void Start_NonLoopbackListenAddressWithoutAppId_RefusesWithHint()
    {
        using var app = new BotAppFactory(new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:0" });

        Exception error = Assert.ThrowsAny<Exception>(() => app.StartServer());

        Assert.Contains("Bot:MicrosoftAppId", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(e => e.Message)) : error.Message + " " + error.InnerException?.Message;
}
