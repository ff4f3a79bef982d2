using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TaskForce.Activities.Schema;

namespace TaskForce.Activities.Auth;

/// <summary>
/// Validates a channel's bearer token (§4.1) in two steps. <see cref="VerifyAsync"/> runs before the body is read:
/// signature, RS256/384/512, audience = app id, lifetime with 5 minutes skew, numeric time claims, and the issuer —
/// a Bot Framework token, or an Entra token (v1/v2 issuer of an accepted tenant, <c>tid</c> = issuer tenant) whose
/// caller (<c>azp</c>/<c>appid</c>) is the bot itself or listed in <see cref="BotOptions.AllowedCallers"/>.
/// <see cref="Bind"/> then ties it to the activity: endorsement ⊇ channelId and <c>serviceurl</c> = serviceUrl.
/// </summary>
internal sealed class BotTokenValidator(SigningKeySources keys, IOptions<BotOptions> options, TimeProvider time, ILogger<BotTokenValidator> logger)
{
    // The Bot Framework's own tenants, used by the Emulator and skills (§4.1 table).
    private static readonly string[] s_botFrameworkTenants =
        ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a", "69e9b82d-4842-4902-8d1e-abc5b98a55e8"];

    private static readonly string[] s_algorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    // RFC 7519 §4.1.4–4.1.6: NumericDate values. A string "exp" must not be read as one.
    private static readonly string[] s_numericClaims = ["exp", "nbf", "iat"];

    private static readonly TimeSpan s_clockSkew = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<InboundToken> VerifyAsync(string token, CancellationToken cancellationToken)
    {
        JsonWebToken unvalidated;
        try
        {
            unvalidated = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return Refuse("malformed token");
        }

        if (!HasNumericTimeClaims(unvalidated))
        {
            return Refuse("time claims must be numbers");
        }

        BotOptions settings = options.Value;
        string issuer = unvalidated.Issuer ?? "";
        bool botFramework = string.Equals(issuer, BotOptions.BotFrameworkIssuer, StringComparison.Ordinal);
        string? entraTenant = botFramework ? null : EntraTenantOf(issuer);
        if (!botFramework && (entraTenant is null || !AcceptedTenants(settings).Contains(entraTenant, StringComparer.OrdinalIgnoreCase)))
        {
            return Refuse("issuer not accepted");
        }

        string metadataUrl = botFramework ? settings.BotFrameworkOpenIdMetadataUrl : settings.EntraOpenIdMetadataUrl;
        SigningMetadata? metadata = await keys.GetAsync(metadataUrl, cancellationToken);
        if (metadata is null)
        {
            return InboundToken.Refused(AuthenticationResult.KeysUnavailable("signing keys unavailable"));
        }

        TokenValidationResult result = await _handler.ValidateTokenAsync(token, Parameters(issuer, metadata));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException
            && await keys.RefreshForUnknownKeyAsync(metadataUrl, cancellationToken) is { } refreshed)
        {
            // An unknown key id: the keys may have rolled over since the last fetch (§4.1).
            metadata = refreshed;
            result = await _handler.ValidateTokenAsync(token, Parameters(issuer, metadata));
        }

        if (!result.IsValid)
        {
            return Refuse($"token rejected: {result.Exception?.GetType().Name}");
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        return botFramework
            ? InboundToken.Of(new VerifiedToken(InboundCredential.BotFramework, "urn:botframework:azure", result.ClaimsIdentity, jwt, metadata))
            : CheckEntra(result.ClaimsIdentity, jwt, metadata, entraTenant!, settings);
    }

    public static AuthenticationResult Bind(VerifiedToken verified, BotActivity activity)
    {
        ArgumentNullException.ThrowIfNull(verified);
        ArgumentNullException.ThrowIfNull(activity);
        string? serviceUrlClaim = verified.Identity.FindFirst("serviceurl")?.Value;
        if (verified.Credential != InboundCredential.BotFramework)
        {
            // One rule for both paths: a serviceurl claim, where present, names the activity's service URL.
            return serviceUrlClaim is not null && !SameServiceUrl(serviceUrlClaim, activity.ServiceUrl)
                ? AuthenticationResult.Fail("serviceurl claim does not match the activity")
                : AuthenticationResult.Success(verified.CallerId, verified.Credential, serviceUrlAsserted: false);
        }

        if (!string.IsNullOrEmpty(activity.ChannelId))
        {
            string channel = activity.ChannelId.Split(':')[0];
            if (verified.Token.Kid is null || !verified.Metadata.Endorsements.TryGetValue(verified.Token.Kid, out IReadOnlySet<string>? endorsed) || !endorsed.Contains(channel))
            {
                return AuthenticationResult.Fail("signing key not endorsed for the channel");
            }
        }

        return serviceUrlClaim is null || !SameServiceUrl(serviceUrlClaim, activity.ServiceUrl)
            ? AuthenticationResult.Fail("serviceurl claim does not match the activity")
            : AuthenticationResult.Success(verified.CallerId, InboundCredential.BotFramework, serviceUrlAsserted: true);
    }

    private static bool SameServiceUrl(string claim, string? serviceUrl) =>
        serviceUrl is not null && string.Equals(ServiceUrlTrust.Normalize(claim), ServiceUrlTrust.Normalize(serviceUrl), StringComparison.OrdinalIgnoreCase);

    private static InboundToken Refuse(string failure) => InboundToken.Refused(AuthenticationResult.Fail(failure));

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

    private static bool HasNumericTimeClaims(JsonWebToken token)
    {
        try
        {
            using JsonDocument payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(token.EncodedPayload));
            if (payload.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (string name in s_numericClaims)
            {
                if (payload.RootElement.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Number)
                {
                    return false;
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    private InboundToken CheckEntra(ClaimsIdentity identity, JsonWebToken token, SigningMetadata metadata, string issuerTenant, BotOptions settings)
    {
        string? tid = identity.FindFirst("tid")?.Value;
        if (!string.Equals(tid, issuerTenant, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse("tid does not match the issuer");
        }

        string? caller = identity.FindFirst("azp")?.Value ?? identity.FindFirst("appid")?.Value;
        InboundCredential credential =
            string.Equals(caller, settings.MicrosoftAppId, StringComparison.OrdinalIgnoreCase) ? InboundCredential.Self
            : caller is not null && !s_botFrameworkTenants.Contains(issuerTenant, StringComparer.OrdinalIgnoreCase)
                && settings.AllowedCallers.Contains(caller, StringComparer.OrdinalIgnoreCase) ? InboundCredential.AllowedCaller
            : InboundCredential.None;
        if (credential == InboundCredential.None)
        {
            // Any app of the tenant can get a token for the bot's audience; only the bot itself (the Emulator signs in
            // as the bot, §4.1 Emulator row) and configured callers may speak as a channel.
            logger.EntraCallerRefused(caller, token.Issuer, token.Audiences.FirstOrDefault(), tid);
            return Refuse("Entra caller not allowed");
        }

        return InboundToken.Of(new VerifiedToken(credential, $"urn:botframework:aadappid:{caller}", identity, token, metadata));
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
