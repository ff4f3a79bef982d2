using Microsoft.Extensions.DependencyInjection;
using TaskForce.Activities.Auth;
using TaskForce.Activities.Turns;

namespace TaskForce.IntegrationTests.Infrastructure;

/// <summary>
/// The real bot host wired to a local OpenID server and a fake connector: with an app id (tokens required) or
/// without one (development mode). Outbound tokens come from a <see cref="FixedTokenProvider"/>.
/// </summary>
internal sealed class ProtocolHost : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";

    private ProtocolHost(TestOpenIdServer openId, FakeConnector connector, BotAppFactory app, FixedTokenProvider tokens)
    {
        OpenId = openId;
        Connector = connector;
        App = app;
        OutboundTokens = tokens;
        Client = app.CreateClient();
    }

    public TestOpenIdServer OpenId { get; }

    public FakeConnector Connector { get; }

    public BotAppFactory App { get; }

    public FixedTokenProvider OutboundTokens { get; }

    public HttpClient Client { get; }

    public TokenMinter Tokens => OpenId.Tokens;

    /// <summary>Starts everything; <paramref name="withAppId"/> false runs the bot in development mode.</summary>
    public static async Task<ProtocolHost> StartAsync(
        bool withAppId = true,
        string? tenantId = null,
        IDictionary<string, string?>? extraSettings = null,
        Action<IServiceCollection>? services = null)
    {
        TestOpenIdServer openId = await TestOpenIdServer.StartAsync();
        FakeConnector connector = await FakeConnector.StartAsync();
        Dictionary<string, string?> settings = withAppId ? openId.BotSettings(AppId, tenantId) : new(StringComparer.Ordinal);
        // No demo roster: its overdue blockers would escalate in the background and, once a Teams activity has taught the
        // bot a service URL, reach the fake connector in the middle of a test that counts the calls it received.
        settings["Roster:ImportDemoWhenEmpty"] = "false";
        foreach ((string key, string? value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var tokens = new FixedTokenProvider();
        var app = new BotAppFactory(settings)
        {
            ConfigureServices = collection =>
            {
                collection.AddSingleton<IBotTokenProvider>(tokens);
                collection.AddSingleton<IActivityHandler, EchoHandler>();
                services?.Invoke(collection);
            },
        };
        app.StartServer();
        return new ProtocolHost(openId, connector, app, tokens);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        await OpenId.DisposeAsync();
    }
}
