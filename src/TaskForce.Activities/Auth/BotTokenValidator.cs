using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TaskForce.Activities.Schema;

namespace TaskForce.Activities.Auth;

/// <summary>
/// Validates a channel's bearer token against the activity it came with (§4.1): a Bot Framework token (keys from
/// the Bot Framework metadata, endorsement ⊇ channelId, <c>serviceurl</c> = activity serviceUrl) or an Entra token
/// (v1/v2 issuer of an accepted tenant, <c>tid</c> = issuer tenant). Audience = app id, RS256/384/512, 5 minutes skew.
/// </summary>
internal sealed class BotTokenValidator(SigningKeySources keys, IOptions<BotOptions> options, TimeProvider time)
{
    // The Bot Framework's own tenants, used by the Emulator and skills (§4.1 table).
    private static readonly string[] s_botFrameworkTenants =
        ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a", "69e9b82d-4842-4902-8d1e-abc5b98a55e8"];

    private static readonly string[] s_algorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private static readonly TimeSpan s_clockSkew = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<AuthenticationResult> ValidateAsync(string token, BotActivity activity, CancellationToken cancellationToken)
    {
        JsonWebToken unvalidated;
        try
        {
            unvalidated = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return AuthenticationResult.Fail("malformed token");
        }

        BotOptions settings = options.Value;
        string issuer = unvalidated.Issuer ?? "";
        bool botFramework = string.Equals(issuer, BotOptions.BotFrameworkIssuer, StringComparison.Ordinal);
        string? entraTenant = botFramework ? null : EntraTenantOf(issuer);
        if (!botFramework && (entraTenant is null || !AcceptedTenants(settings).Contains(entraTenant, StringComparer.OrdinalIgnoreCase)))
        {
            return AuthenticationResult.Fail("issuer not accepted");
        }

        string metadataUrl = botFramework ? settings.BotFrameworkOpenIdMetadataUrl : settings.EntraOpenIdMetadataUrl;
        (TokenValidationResult result, SigningMetadata metadata) = await ValidateSignedAsync(token, issuer, metadataUrl, cancellationToken);
        if (!result.IsValid)
        {
            return AuthenticationResult.Fail($"token rejected: {result.Exception?.GetType().Name}");
        }

        ClaimsIdentity identity = result.ClaimsIdentity;
        return botFramework
            ? CheckBotFramework(identity, (JsonWebToken)result.SecurityToken, metadata, activity)
            : CheckEntra(identity, entraTenant!, settings);
    }

    private async Task<(TokenValidationResult Result, SigningMetadata Metadata)> ValidateSignedAsync(
        string token, string issuer, string metadataUrl, CancellationToken cancellationToken)
    {
        SigningMetadata metadata = await keys.GetAsync(metadataUrl, cancellationToken);
        TokenValidationResult result = await _handler.ValidateTokenAsync(token, Parameters(issuer, metadata));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException && keys.TryForceRefresh(metadataUrl))
        {
            // An unknown key id: the keys may have rolled over since the last fetch (§4.1).
            metadata = await keys.GetAsync(metadataUrl, cancellationToken);
            result = await _handler.ValidateTokenAsync(token, Parameters(issuer, metadata));
        }

        return (result, metadata);
    }

    private TokenValidationParameters Parameters(string issuer, SigningMetadata metadata) => new()
    {
        ValidIssuer = issuer,
        ValidAudience = options.Value.MicrosoftAppId,
        ValidAlgorithms = s_algorithms,
        IssuerSigningKeys = metadata.Configuration.SigningKeys,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = s_clockSkew,
        LifetimeValidator = IsWithinLifetime,
    };

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        DateTime now = time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp.ToUniversalTime() + s_clockSkew
            && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - s_clockSkew);
    }

    private static AuthenticationResult CheckBotFramework(ClaimsIdentity identity, JsonWebToken token, SigningMetadata metadata, BotActivity activity)
    {
        if (!string.IsNullOrEmpty(activity.ChannelId))
        {
            string channel = activity.ChannelId.Split(':')[0];
            if (token.Kid is null || !metadata.Endorsements.TryGetValue(token.Kid, out IReadOnlySet<string>? endorsed) || !endorsed.Contains(channel))
            {
                return AuthenticationResult.Fail("signing key not endorsed for the channel");
            }
        }

        string? serviceUrlClaim = identity.FindFirst("serviceurl")?.Value;
        if (serviceUrlClaim is null || activity.ServiceUrl is null
            || !string.Equals(ServiceUrlTrust.Normalize(serviceUrlClaim), ServiceUrlTrust.Normalize(activity.ServiceUrl), StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Fail("serviceurl claim does not match the activity");
        }

        return AuthenticationResult.Success("urn:botframework:azure");
    }

    private static AuthenticationResult CheckEntra(ClaimsIdentity identity, string issuerTenant, BotOptions settings)
    {
        if (!string.Equals(identity.FindFirst("tid")?.Value, issuerTenant, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Fail("tid does not match the issuer");
        }

        string? caller = identity.FindFirst("azp")?.Value ?? identity.FindFirst("appid")?.Value;
        bool emulator = s_botFrameworkTenants.Contains(issuerTenant, StringComparer.OrdinalIgnoreCase);
        if (emulator && !string.Equals(caller, settings.MicrosoftAppId, StringComparison.OrdinalIgnoreCase))
        {
            // The Emulator signs in as the bot itself (§4.1 Emulator row).
            return AuthenticationResult.Fail("emulator token for another app");
        }

        return AuthenticationResult.Success(caller is null ? "urn:botframework:azure" : $"urn:botframework:aadappid:{caller}");
    }

    private static string[] AcceptedTenants(BotOptions settings) =>
        string.IsNullOrWhiteSpace(settings.MicrosoftAppTenantId) ? s_botFrameworkTenants : [.. s_botFrameworkTenants, settings.MicrosoftAppTenantId];

    private static string? EntraTenantOf(string issuer)
    {
        const string V1 = "https://sts.windows.net/";
        const string V2 = "https://login.microsoftonline.com/";
        if (issuer.StartsWith(V1, StringComparison.Ordinal) && issuer.EndsWith('/'))
        {
            string tenant = issuer[V1.Length..^1];
            return Guid.TryParse(tenant, out _) ? tenant : null;
        }

        if (issuer.StartsWith(V2, StringComparison.Ordinal) && issuer.EndsWith("/v2.0", StringComparison.Ordinal))
        {
            string tenant = issuer[V2.Length..^"/v2.0".Length];
            return Guid.TryParse(tenant, out _) ? tenant : null;
        }

        return null;
    }
}
