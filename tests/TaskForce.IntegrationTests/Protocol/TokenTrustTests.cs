using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TaskForce.Activities.Auth;
using TaskForce.Core.Roster;
using TaskForce.IntegrationTests.Conversations;
using TaskForce.IntegrationTests.Infrastructure;

namespace TaskForce.IntegrationTests.Protocol;

/// <summary>
/// Who may speak as a channel, and where the bot's own token may go: Entra callers, asserted service URLs across a
/// restart, redirects, signing-key outages and auto-linking of accounts.
/// </summary>
public sealed class TokenTrustTests
{
    private const string Tenant = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    private const string PartnerApp = "99999999-8888-7777-6666-555555555555";

    private static Dictionary<string, string?> AllowPartner() => new(StringComparer.Ordinal) { ["Bot:AllowedCallers:0"] = PartnerApp };

    [Theory]
    [InlineData(PartnerApp)]
    [InlineData(ProtocolHost.AppId)]
    public async Task Post_EntraTokenOfAllowedCaller_RunsTurnButSendsNoTokenToItsServiceUrl(string caller)
    {
        await using ProtocolHost host = await ProtocolHost.StartAsync(tenantId: Tenant, extraSettings: AllowPartner());
        string token = host.Tokens.Entra(ProtocolHost.AppId, Tenant, caller);

        HttpResponseMessage response = await TestActivities.PostAsync(host.Client, TestActivities.Message(host.Connector.ServiceUrl, "hi"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Connector.Calls);
        Assert.False(await host.App.Services.GetRequiredService<ServiceUrlTrust>().IsTrustedAsync(host.Connector.ServiceUrl, CancellationToken.None));
        Assert.Equal(0, await CountAsync(host.App.DatabasePath, "SELECT COUNT(*) FROM TrustedServiceUrls;"));
    }

    [Fact]
    public async Task Post_EntraTokenWhoseServiceUrlClaimNamesAnotherUrl_Returns401()
    {
        await using ProtocolHost host = await ProtocolHost.StartAsync(tenantId: Tenant, extraSettings: AllowPartner());
        string token = host.Tokens.Entra(ProtocolHost.AppId, Tenant, PartnerApp, serviceUrl: "https://smba.trafficmanager.net/amer/");

        HttpResponseMessage response = await TestActivities.PostAsync(host.Client, TestActivities.Message(host.Connector.ServiceUrl, "hi"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Connector.Calls);
    }

    [Fact]
    public async Task Post_EntraTokenOfListedCallerFromABotFrameworkTenant_Returns401()
    {
        // The Bot Framework's own tenants sign Emulator tokens; there only the bot itself may call (§4.1).
        await using ProtocolHost host = await ProtocolHost.StartAsync(tenantId: Tenant, extraSettings: AllowPartner());
        string token = host.Tokens.Entra(ProtocolHost.AppId, "d6d49420-f39b-4df7-a1dc-d59a935871db", PartnerApp);

        HttpResponseMessage response = await TestActivities.PostAsync(host.Client, TestActivities.Message(host.Connector.ServiceUrl, "hi"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_BotFrameworkToken_TrustsTheAssertedServiceUrlAfterARestart()
    {
        string databasePath = Path.Combine(Path.GetTempPath(), $"tf-it-{Guid.NewGuid():N}.db");
        try
        {
            string serviceUrl;
            string entraOnlyUrl = "http://127.0.0.1:9/_connector";
            await using (ProtocolHost first = await ProtocolHost.StartAsync(tenantId: Tenant, extraSettings: Settings(AllowPartner(), databasePath)))
            {
                serviceUrl = first.Connector.ServiceUrl;
                string token = first.Tokens.BotFramework(ProtocolHost.AppId, serviceUrl);
                Assert.Equal(HttpStatusCode.OK, (await TestActivities.PostAsync(first.Client, TestActivities.Message(serviceUrl, "hi"), token)).StatusCode);
                Assert.Equal($"Bearer {FixedTokenProvider.DefaultToken}", Assert.Single(first.Connector.Calls).Authorization);
                string entra = first.Tokens.Entra(ProtocolHost.AppId, Tenant, PartnerApp);
                Assert.Equal(HttpStatusCode.OK, (await TestActivities.PostAsync(first.Client, TestActivities.Message(entraOnlyUrl, "hi", conversationId: "a:other"), entra)).StatusCode);
            }

            await using ProtocolHost second = await ProtocolHost.StartAsync(tenantId: Tenant, extraSettings: Settings(AllowPartner(), databasePath));
            ServiceUrlTrust trust = second.App.Services.GetRequiredService<ServiceUrlTrust>();

            Assert.True(await trust.IsTrustedAsync(serviceUrl, CancellationToken.None));
            Assert.False(await trust.IsTrustedAsync(entraOnlyUrl, CancellationToken.None));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(databasePath);
        }
    }

    [Fact]
    public async Task Reply_ConnectorAnswersRedirect_IsNotFollowed()
    {
        await using ProtocolHost host = await ProtocolHost.StartAsync(tenantId: Tenant);
        await using FakeConnector elsewhere = await FakeConnector.StartAsync();
        host.Connector.Enqueue(new ConnectorAnswer(HttpStatusCode.TemporaryRedirect) { Location = elsewhere.ServiceUrl + "/v3/conversations/a%3Aconversation-1/activities" });
        string token = host.Tokens.BotFramework(ProtocolHost.AppId, host.Connector.ServiceUrl);

        HttpResponseMessage response = await TestActivities.PostAsync(host.Client, TestActivities.Message(host.Connector.ServiceUrl, "hi"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Connector.Calls);
        Assert.Empty(elsewhere.Calls);
    }

    [Fact]
    public async Task Post_SigningKeysNeverFetched_Returns503WithRetryAfterUntilTheyAre()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using ProtocolHost host = await ProtocolHost.StartAsync(tenantId: Tenant, services: s => s.AddSingleton<TimeProvider>(time));
        host.OpenId.Down = true;
        string token = host.Tokens.BotFramework(ProtocolHost.AppId, host.Connector.ServiceUrl);

        HttpResponseMessage first = await TestActivities.PostAsync(host.Client, TestActivities.Message(host.Connector.ServiceUrl, "hi"), token);
        HttpResponseMessage second = await TestActivities.PostAsync(host.Client, TestActivities.Message(host.Connector.ServiceUrl, "hi"), token);
        host.OpenId.Down = false;
        time.Advance(SigningKeySources.FailedFetchBackoff + TimeSpan.FromSeconds(1));
        HttpResponseMessage recovered = await TestActivities.PostAsync(host.Client, TestActivities.Message(host.Connector.ServiceUrl, "hi"), token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.NotNull(first.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownKeyIdDuringAnOutage_KeepsTheCachedKeys()
    {
        await using ProtocolHost host = await ProtocolHost.StartAsync(tenantId: Tenant);
        string valid = host.Tokens.BotFramework(ProtocolHost.AppId, host.Connector.ServiceUrl);
        Assert.Equal(HttpStatusCode.OK, (await TestActivities.PostAsync(host.Client, TestActivities.Message(host.Connector.ServiceUrl, "hi"), valid)).StatusCode);
        host.OpenId.Down = true;
        string unknownKid = host.Tokens.BotFramework(ProtocolHost.AppId, host.Connector.ServiceUrl, key: TestOpenIdServer.NewKey("forged-kid"));

        HttpResponseMessage forged = await TestActivities.PostAsync(host.Client, TestActivities.Message(host.Connector.ServiceUrl, "hi"), unknownKid);
        HttpResponseMessage next = await TestActivities.PostAsync(host.Client, TestActivities.Message(host.Connector.ServiceUrl, "hi"), valid);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Theory]
    [InlineData("botframework", "msteams", 1)]
    [InlineData("botframework", "webchat", 0)]
    [InlineData("self", "msteams", 0)]
    [InlineData("partner", "msteams", 1)]
    public async Task Post_AadObjectIdOfARosterMember_LinksOnlyWhenTeamsVouchesForIt(string credential, string channelId, int linked)
    {
        await using TestOpenIdServer openId = await TestOpenIdServer.StartAsync();
        await using FakeConnector connector = await FakeConnector.StartAsync();
        Dictionary<string, string?> settings = openId.BotSettings(ProtocolHost.AppId, Tenant);
        settings["Roster:ImportDemoWhenEmpty"] = "false";
        settings["Bot:AllowedCallers:0"] = PartnerApp;
        settings["Bot:TrustedServiceUrls:0"] = connector.ServiceUrl;
        await using var app = new BotAppFactory(settings) { ConfigureServices = s => s.AddSingleton<IBotTokenProvider>(new FixedTokenProvider()) };
        app.StartServer();
        using HttpClient client = app.CreateClient();
        RosterImportResult import = await app.Services.GetRequiredService<RosterImporter>()
            .ImportAsync(new StringReader(TestRoster.Yaml), "test-roster.yaml", "test", CancellationToken.None);
        Assert.True(import.Succeeded);
        JsonObject activity = TestActivities.Message(connector.ServiceUrl, "帮助", channelId: channelId);
        activity["from"]!["aadObjectId"] = TestRoster.CommanderAad;
        string token = credential switch
        {
            "botframework" => openId.Tokens.BotFramework(ProtocolHost.AppId, connector.ServiceUrl),
            "self" => openId.Tokens.Entra(ProtocolHost.AppId, Tenant, ProtocolHost.AppId),
            _ => openId.Tokens.Entra(ProtocolHost.AppId, Tenant, PartnerApp),
        };

        HttpResponseMessage response = await TestActivities.PostAsync(client, activity, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(linked, await CountAsync(app.DatabasePath, "SELECT COUNT(*) FROM MemberAccounts;"));
        if (linked == 0)
        {
            Assert.Equal(TestRoster.Text("link", "prompt", "en-US"), Assert.Single(connector.Calls).Text);
        }
        else
        {
            Assert.DoesNotContain(connector.Calls, call => call.Text == TestRoster.Text("link", "prompt", "en-US"));
        }
    }

    private static Dictionary<string, string?> Settings(Dictionary<string, string?> settings, string databasePath)
    {
        settings["Storage:ConnectionString"] = $"Data Source={databasePath};Pooling=False";
        return settings;
    }

    private static async Task<long> CountAsync(string databasePath, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
