using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskForce.Activities.Schema;

namespace TaskForce.Activities.Auth;

/// <summary>
/// Checks one inbound request: its <c>Authorization</c> header against the activity it carries (§4.1), or, in
/// development mode (no app id), that the activity's service URL is loopback (§4.3). On success the service URL is
/// remembered as a place the outbound token may go.
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

    /// <summary>True when the request may be rejected before its body is read: a token is required and absent.</summary>
    public bool RequiresToken => !_options.Value.IsDevelopmentMode;

    public async Task<AuthenticationResult> AuthenticateAsync(string? authorizationHeader, BotActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        AuthenticationResult result = await CheckAsync(authorizationHeader, activity, cancellationToken);
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

        _trust.Remember(activity.ServiceUrl!);
        return result;
    }

    private async Task<AuthenticationResult> CheckAsync(string? authorizationHeader, BotActivity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl) || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out _))
        {
            return AuthenticationResult.Fail("missing or invalid serviceUrl");
        }

        if (_options.Value.IsDevelopmentMode)
        {
            // Anonymous callers could otherwise make the bot post to any URL (§4.3, our hardening).
            return Loopback.IsLoopbackUrl(activity.ServiceUrl)
                ? AuthenticationResult.Success(null)
                : AuthenticationResult.Fail("development mode accepts loopback serviceUrls only");
        }

        string[] parts = (authorizationHeader ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Fail("missing bearer token");
        }

        return await _tokens.ValidateAsync(parts[1], activity, cancellationToken);
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
