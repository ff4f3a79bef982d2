using System.Net;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using TaskForce.IntegrationTests.Infrastructure;

namespace TaskForce.IntegrationTests.Protocol;

public sealed class InboundAuthenticationTests : IAsyncLifetime
{
    private const string ConfiguredTenant = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    private ProtocolHost _host = null!;

    public async Task InitializeAsync() => _host = await ProtocolHost.StartAsync(tenantId: ConfiguredTenant);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private JsonObject Activity(string text = "hello") => TestActivities.Message(_host.Connector.ServiceUrl, text);

    private async Task AssertRejectedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Empty(_host.Connector.Calls);
        HttpResponseMessage health = await _host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Post_ValidBotFrameworkToken_RunsTurnAndRepliesWithOutboundToken()
    {
        string token = _host.Tokens.BotFramework(ProtocolHost.AppId, _host.Connector.ServiceUrl);

        HttpResponseMessage response = await TestActivities.PostAsync(_host.Client, Activity("ping"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ConnectorCall reply = Assert.Single(_host.Connector.Calls);
        Assert.Equal($"Bearer {FixedTokenProvider.DefaultToken}", reply.Authorization);
        Assert.Contains("ping", reply.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("another-app-of-the-tenant", false)]
    [InlineData("another-app-of-the-tenant", true)]
    [InlineData(null, false)]
    public async Task Post_EntraTokenOfAnotherAppOfTheTenant_Returns401(string? caller, bool v1)
    {
        string token = _host.Tokens.Entra(ProtocolHost.AppId, ConfiguredTenant, callerAppId: caller, v1: v1);

        await AssertRejectedAsync(await TestActivities.PostAsync(_host.Client, Activity(), token));
    }

    [Fact]
    public async Task Post_ExpiryClaimAsString_Returns401()
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string payload = $$"""
            {"iss":"https://api.botframework.com","aud":"{{ProtocolHost.AppId}}","serviceurl":"{{_host.Connector.ServiceUrl}}","nbf":{{now - 5}},"exp":"{{now + 3600}}"}
            """;

        await AssertRejectedAsync(await TestActivities.PostAsync(_host.Client, Activity(), _host.Tokens.SignedPayload(payload)));
    }

    [Fact]
    public async Task Post_PublicHostNameWithValidToken_Served()
    {
        // Behind a reverse proxy the Host is the bot's public name; with an app id the token, not the name, decides.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(Activity("ping").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = "bot.example.gov.cn";
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _host.Tokens.BotFramework(ProtocolHost.AppId, _host.Connector.ServiceUrl));

        HttpResponseMessage response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_host.Connector.Calls);
    }

    [Fact]
    public async Task Post_BadTokenWithABodyStillArriving_RefusedWithoutWaitingForTheBody()
    {
        // The token is checked before the JSON is read: a sender announcing a large body and trickling it gets 401 at
        // once, and no turn waits behind it. Had the body been read first, the status line would never come.
        Uri address = _host.Client.BaseAddress!;
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(address.Host, address.Port);
        using System.Net.Sockets.NetworkStream stream = socket.GetStream();
        string head = $"POST /api/messages HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\n"
            + "Authorization: Bearer not.a.token\r\nContent-Length: 250000\r\n\r\n{\"type\":\"message\",\"text\":\"";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, System.Text.Encoding.ASCII);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        string? status = await reader.ReadLineAsync(patience.Token);

        Assert.StartsWith("HTTP/1.1 401", status, StringComparison.Ordinal);
        Assert.Empty(_host.Connector.Calls);
    }

    [Fact]
    public async Task Post_NoAuthorizationHeader_Returns401()
    {
        HttpResponseMessage response = await TestActivities.PostAsync(_host.Client, Activity());

        await AssertRejectedAsync(response);
    }

    [Fact]
    public async Task Post_WrongScheme_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = new StringContent(Activity().ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Basic " + _host.Tokens.BotFramework(ProtocolHost.AppId, _host.Connector.ServiceUrl));

        HttpResponseMessage response = await _host.Client.SendAsync(request);

        await AssertRejectedAsync(response);
    }

    [Fact]
    public async Task Post_WrongIssuer_Returns401()
    {
        string token = _host.Tokens.BotFramework(ProtocolHost.AppId, _host.Connector.ServiceUrl, issuer: "https://evil.example.com");

        await AssertRejectedAsync(await TestActivities.PostAsync(_host.Client, Activity(), token));
    }

    [Fact]
    public async Task Post_WrongAudience_Returns401()
    {
        string token = _host.Tokens.BotFramework("99999999-0000-0000-0000-000000000000", _host.Connector.ServiceUrl);

        await AssertRejectedAsync(await TestActivities.PostAsync(_host.Client, Activity(), token));
    }

    [Fact]
    public async Task Post_ExpiredToken_Returns401()
    {
        DateTime now = DateTime.UtcNow;
        string token = _host.Tokens.BotFramework(ProtocolHost.AppId, _host.Connector.ServiceUrl, notBefore: now.AddHours(-2), expires: now.AddMinutes(-10));

        await AssertRejectedAsync(await TestActivities.PostAsync(_host.Client, Activity(), token));
    }

    [Fact]
    public async Task Post_NotYetValidToken_Returns401()
    {
        DateTime now = DateTime.UtcNow;
        string token = _host.Tokens.BotFramework(ProtocolHost.AppId, _host.Connector.ServiceUrl, notBefore: now.AddMinutes(10), expires: now.AddHours(1));

        await AssertRejectedAsync(await TestActivities.PostAsync(_host.Client, Activity(), token));
    }

    [Fact]
    public async Task Post_BadSignature_Returns401()
    {
        string token = TokenMinter.Tamper(_host.Tokens.BotFramework(ProtocolHost.AppId, _host.Connector.ServiceUrl));

        await AssertRejectedAsync(await TestActivities.PostAsync(_host.Client, Activity(), token));
    }

    [Fact]
    public async Task Post_AlgNone_Returns401()
    {
        string token = TokenMinter.Unsigned(ProtocolHost.AppId, _host.Connector.ServiceUrl);

        await AssertRejectedAsync(await TestActivities.PostAsync(_host.Client, Activity(), token));
    }

    [Fact]
    public async Task Post_Hs256SignedWithPublicKey_Returns401()
    {
        string token = _host.Tokens.HmacWithPublicKey(ProtocolHost.AppId, _host.Connector.ServiceUrl);

        await AssertRejectedAsync(await TestActivities.PostAsync(_host.Client, Activity(), token));
    }

    [Fact]
    public async Task Post_UnknownKeyId_Returns401()
    {
        RsaSecurityKey unpublished = TestOpenIdServer.NewKey("never-published");
        string token = _host.Tokens.BotFramework(ProtocolHost.AppId, _host.Connector.ServiceUrl, key: unpublished);

        await AssertRejectedAsync(await TestActivities.PostAsync(_host.Client, Activity(), token));
    }

    [Fact]
    public async Task Post_ServiceUrlClaimMismatch_Returns401()
    {
        string token = _host.Tokens.BotFramework(ProtocolHost.AppId, "https://smba.trafficmanager.net/amer/");

        await AssertRejectedAsync(await TestActivities.PostAsync(_host.Client, Activity(), token));
    }

    [Fact]
    public async Task Post_EndorsementMissingChannel_Returns401()
    {
        JsonObject activity = TestActivities.Message(_host.Connector.ServiceUrl, "hi", channelId: "slack");
        string token = _host.Tokens.BotFramework(ProtocolHost.AppId, _host.Connector.ServiceUrl);

        await AssertRejectedAsync(await TestActivities.PostAsync(_host.Client, activity, token));
    }

    [Fact]
    public async Task Post_EntraTokenOfUnknownTenant_Returns401()
    {
        string token = _host.Tokens.Entra(ProtocolHost.AppId, "12345678-1234-1234-1234-123456789012", callerAppId: "caller-app");

        await AssertRejectedAsync(await TestActivities.PostAsync(_host.Client, Activity(), token));
    }

    [Fact]
    public async Task Post_KeyRolledOverAfterFirstFetch_RefetchesKeysAndAccepts()
    {
        string first = _host.Tokens.BotFramework(ProtocolHost.AppId, _host.Connector.ServiceUrl);
        Assert.Equal(HttpStatusCode.OK, (await TestActivities.PostAsync(_host.Client, Activity(), first)).StatusCode);
        RsaSecurityKey rolled = _host.OpenId.AddBotFrameworkKey("bf-key-2", TestOpenIdServer.DefaultEndorsements);
        string second = _host.Tokens.BotFramework(ProtocolHost.AppId, _host.Connector.ServiceUrl, key: rolled);

        HttpResponseMessage response = await TestActivities.PostAsync(_host.Client, Activity(), second);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _host.Connector.Calls.Count);
    }
}
