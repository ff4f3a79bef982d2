namespace TaskForce.Activities.Auth;

/// <summary>
/// The <c>Bot</c> configuration section. With no <see cref="MicrosoftAppId"/> the bot runs in local development
/// mode: no tokens in or out, loopback only (§4.3).
/// </summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    public const string BotFrameworkIssuer = "https://api.botframework.com";

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    public BotAppType MicrosoftAppType { get; set; } = BotAppType.MultiTenant;

    /// <summary>A PFX certificate used instead of <see cref="MicrosoftAppPassword"/>.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Service URLs (prefixes) the outbound token may go to besides Microsoft's channel hosts and the URLs asserted by
    /// the <c>serviceurl</c> claim of a Bot Framework token.
    /// </summary>
    public IList<string> TrustedServiceUrls { get; } = [];

    /// <summary>
    /// App ids whose Entra-issued tokens are accepted besides the bot's own (§4.1: agent-to-agent callers). Empty by
    /// default: any other app of the tenant could otherwise speak as the channel.
    /// </summary>
    public IList<string> AllowedCallers { get; } = [];

    public string BotFrameworkOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Login host for outbound tokens; the tenant (or botframework.com) is appended.</summary>
    public string LoginAuthorityHost { get; set; } = "https://login.microsoftonline.com";

    public string DefaultTimeZone { get; set; } = "Asia/Shanghai";

    public string DefaultLocale { get; set; } = "zh-CN";

    /// <summary>When set, activities from other tenants are refused (§4.1, tenant restriction).</summary>
    public IList<string> AllowedTenantIds { get; } = [];

    /// <summary>How often signing keys and endorsements are refetched; at most a day (§4.1).</summary>
    public TimeSpan SigningKeyRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    public bool IsDevelopmentMode => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
