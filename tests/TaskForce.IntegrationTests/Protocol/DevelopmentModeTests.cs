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

    [Theory]
    [InlineData("evil.example")]
    [InlineData("attacker.test:3978")]
    [InlineData("127.0.0.1.evil.example")]
    [InlineData("localhost.attacker.test")]
    [InlineData("10.0.0.1:3978")]
    [InlineData("0.0.0.0")]
    public async Task Post_HostHeaderNotLoopback_RefusedBeforeAnyTurn(string hostHeader)
    {
        await using ProtocolHost host = await ProtocolHost.StartAsync(withAppId: false);
        using HttpRequestMessage request = MessageFor(host, hostHeader);
        using var health = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        health.Headers.Host = hostHeader;

        HttpResponseMessage response = await host.Client.SendAsync(request);
        HttpResponseMessage healthResponse = await host.Client.SendAsync(health);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, healthResponse.StatusCode);
        Assert.Empty(host.Connector.Calls);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST:3978")]
    [InlineData("127.0.0.1:3978")]
    [InlineData("[::1]:3978")]
    public async Task Post_LoopbackHostHeader_Served(string hostHeader)
    {
        await using ProtocolHost host = await ProtocolHost.StartAsync(withAppId: false);
        using HttpRequestMessage request = MessageFor(host, hostHeader);

        HttpResponseMessage response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Start_NonLoopbackListenAddressWithoutAppId_RefusesWithHint()
    {
        using var app = new BotAppFactory(new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:0" });

        Exception error = Assert.ThrowsAny<Exception>(() => app.StartServer());

        Assert.Contains("Bot:MicrosoftAppId", Flatten(error), StringComparison.Ordinal);
    }

    private static HttpRequestMessage MessageFor(ProtocolHost host, string hostHeader)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(TestActivities.Message(host.Connector.ServiceUrl, "hi").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = hostHeader;
        return request;
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(e => e.Message)) : error.Message + " " + error.InnerException?.Message;
}
