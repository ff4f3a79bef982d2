using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskForce.Activities.Schema;

namespace TaskForce.Activities.Auth;

/// <summary>
/// Checks one inbound request in two steps. <see cref="CheckHeaderAsync"/> verifies the <c>Authorization</c> header
/// before the body is read, so unauthenticated bodies cost nothing (§4.1); <c>AuthenticateAsync</c> then binds
/// the verified token to the activity it carries, or, in development mode (no app id), checks that the activity's
/// service URL is loopback (§4.3). A service URL that a Bot Framework token asserted becomes one the outbound token
/// may go to.
/// </summary>
public sealed class ActivityAuthenticator
{
    private readonly BotTokenValidator _tokens;
    private readonly ServiceUrlTrust _trust;
    private readonly IOptions<BotOptions> _options;
    private readonly ILogger<ActivityAuthenticator> _logger;

    internal ActivityAuthenticator(
        BotTokenValidator tokens, ServiceUrlTrust trust, IOptions<BotOptions> options, ILogger<ActivityAuthenticator> logger)
    {
        _tokens = tokens;
        _trust = trust;
        _options = options;
        _logger = logger;
    }

    /// <summary>Verifies the header alone: a refusal, or a credential to bind to the activity once it is read.</summary>
    public async Task<InboundToken> CheckHeaderAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (_options.Value.IsDevelopmentMode)
        {
            return InboundToken.Development;
        }

        string[] parts = (authorizationHeader ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        InboundToken token = parts.Length == 2 && string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase)
            ? await _tokens.VerifyAsync(parts[1], cancellationToken)
            : InboundToken.Refused(AuthenticationResult.Fail("missing bearer token"));
        if (token.Refusal is { } refusal)
        {
            _logger.InboundRejected(null, refusal.Failure);
        }

        return token;
    }

    public async Task<AuthenticationResult> AuthenticateAsync(InboundToken token, BotActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(activity);
        if (token.Refusal is { } refusal)
        {
            return refusal;
        }

        AuthenticationResult result = Bind(token, activity);
        if (!result.Succeeded)
        {
            _logger.InboundRejected(activity.ChannelId, result.Failure);
            return result;
        }

        if (!IsAllowedTenant(activity))
        {
            _logger.InboundRejected(activity.ChannelId, "tenant not allowed");
            return AuthenticationResult.Forbid("tenant not allowed");
        }

        if (result.ServiceUrlAsserted)
        {
            await _trust.RememberAssertedAsync(activity.ServiceUrl!, cancellationToken);
        }

        return result;
    }

    private static AuthenticationResult Bind(InboundToken token, BotActivity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl) || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out _))
        {
            return AuthenticationResult.Fail("missing or invalid serviceUrl");
        }

        if (token.Verified is not { } verified)
        {
            // Anonymous callers could otherwise make the bot post to any URL (§4.3, our hardening).
            return Loopback.IsLoopbackUrl(activity.ServiceUrl)
                ? AuthenticationResult.Success(null, InboundCredential.Development, serviceUrlAsserted: false)
                : AuthenticationResult.Fail("development mode accepts loopback serviceUrls only");
        }

        return BotTokenValidator.Bind(verified, activity);
    }

    private bool IsAllowedTenant(BotActivity activity)
    {
        IList<string> allowed = _options.Value.AllowedTenantIds;
        if (allowed.Count == 0)
        {
            return true;
        }

        string? tenant = activity.Conversation?.TenantId ?? ChannelDataTenant(activity.ChannelData);
        return tenant is not null && allowed.Contains(tenant, StringComparer.OrdinalIgnoreCase);
    }

    private static string? ChannelDataTenant(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out JsonElement tenant) && tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
