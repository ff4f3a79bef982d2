using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace TaskForce.IntegrationTests.Infrastructure;

/// <summary>
/// Local OpenID metadata + JWKS for both token kinds: <c>/botframework/…</c> (keys carry endorsements) and
/// <c>/entra/…</c>. Each has a generated RSA key; <see cref="Tokens"/> mints tokens with them.
/// </summary>
internal sealed class TestOpenIdServer : IAsyncDisposable
{
    public static readonly string[] DefaultEndorsements = ["msteams", "directline", "webchat", "emulator"];

    private readonly WebApplication _app;
    private readonly List<(RsaSecurityKey Key, string[]? Endorsements)> _botFrameworkKeys = [];
    private readonly List<RsaSecurityKey> _entraKeys = [];

    private TestOpenIdServer(WebApplication app)
    {
        _app = app;
        BotFrameworkKey = NewKey("bf-key-1");
        EntraKey = NewKey("entra-key-1");
        _botFrameworkKeys.Add((BotFrameworkKey, DefaultEndorsements));
        _entraKeys.Add(EntraKey);
        Tokens = new TokenMinter(this);
    }

    public string BaseUrl { get; private set; } = "";

    public string BotFrameworkMetadataUrl => $"{BaseUrl}/botframework/.well-known/openidconfiguration";

    public string EntraMetadataUrl => $"{BaseUrl}/entra/.well-known/openid-configuration";

    public RsaSecurityKey BotFrameworkKey { get; }

    public RsaSecurityKey EntraKey { get; }

    public TokenMinter Tokens { get; }

    public int KeyFetches { get; private set; }

    /// <summary>While true every metadata and key request is answered 503, as in an outage of the login service.</summary>
    public bool Down { get; set; }

    /// <summary>Settings that point the bot at this server, with the given app id and tenant.</summary>
    public Dictionary<string, string?> BotSettings(string appId, string? tenantId = null) => new(StringComparer.Ordinal)
    {
        ["Bot:MicrosoftAppId"] = appId,
        ["Bot:MicrosoftAppPassword"] = "test-secret",
        ["Bot:MicrosoftAppTenantId"] = tenantId,
        ["Bot:BotFrameworkOpenIdMetadataUrl"] = BotFrameworkMetadataUrl,
        ["Bot:EntraOpenIdMetadataUrl"] = EntraMetadataUrl,
    };

    public static async Task<TestOpenIdServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var server = new TestOpenIdServer(app);
        app.MapGet("/botframework/.well-known/openidconfiguration", () => server.Metadata("https://api.botframework.com", "botframework"));
        app.MapGet("/entra/.well-known/openid-configuration", () => server.Metadata("https://login.microsoftonline.com/{tenantid}/v2.0", "entra"));
        app.MapGet("/botframework/keys", () => server.Keys(server.BotFrameworkKeysSnapshot()));
        app.MapGet("/entra/keys", () => server.Keys([.. server._entraKeys.Select(k => (k, (string[]?)null))]));
        await app.StartAsync();
        server.BaseUrl = app.Urls.First().TrimEnd('/');
        return server;
    }

    /// <summary>Publishes another Bot Framework signing key (a key rollover).</summary>
    public RsaSecurityKey AddBotFrameworkKey(string keyId, string[]? endorsements)
    {
        RsaSecurityKey key = NewKey(keyId);
        lock (_botFrameworkKeys)
        {
            _botFrameworkKeys.Add((key, endorsements));
        }

        return key;
    }

    public static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    private (RsaSecurityKey, string[]?)[] BotFrameworkKeysSnapshot()
    {
        lock (_botFrameworkKeys)
        {
            return [.. _botFrameworkKeys];
        }
    }

    private IResult Metadata(string issuer, string prefix) => Down ? Results.StatusCode(503) : Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = issuer,
        ["jwks_uri"] = $"{BaseUrl}/{prefix}/keys",
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
    });

    private IResult Keys((RsaSecurityKey Key, string[]? Endorsements)[] keys)
    {
        if (Down)
        {
            return Results.StatusCode(503);
        }

        KeyFetches++;
        var list = keys.Select(entry =>
        {
            RSAParameters parameters = entry.Key.Rsa.ExportParameters(false);
            var jwk = new Dictionary<string, object>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = entry.Key.KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
            if (entry.Endorsements is not null)
            {
                jwk["endorsements"] = entry.Endorsements;
            }

            return jwk;
        }).ToArray();
        return Results.Text(JsonSerializer.Serialize(new { keys = list }), "application/json");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
