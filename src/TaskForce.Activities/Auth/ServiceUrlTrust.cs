using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TaskForce.Activities.Auth;

/// <summary>
/// Decides where the outbound bearer token may go (§3.3, §4.4 "like a password"): Microsoft's channel hosts over
/// HTTPS, the configured <see cref="BotOptions.TrustedServiceUrls"/>, and service URLs that a Bot Framework token's
/// <c>serviceurl</c> claim asserted (in memory and in the host's store). Never a URL that merely arrived on an
/// activity, however well its token checked out.
/// </summary>
public sealed class ServiceUrlTrust(IOptions<BotOptions> options, IServiceUrlStore? store = null)
{
    // Host suffixes of the Bot Connector and Teams service URLs in the public and sovereign clouds (§3.3, §4.4):
    // Teams (smba.trafficmanager.net, GCC *.teams.microsoft.com, GCC High / DoD *.teams.microsoft.us) and the
    // Bot Framework channels (directline, webchat and regional hosts under botframework.com, its US Gov and China hosts).
    private static readonly string[] s_channelHosts =
    [
        "smba.trafficmanager.net", "teams.microsoft.com", "teams.microsoft.us",
        "botframework.com", "botframework.azure.us", "botframework.us", "botframework.azure.cn",
    ];

    private readonly ConcurrentDictionary<string, bool> _asserted = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records a service URL that a Bot Framework token's <c>serviceurl</c> claim asserted.</summary>
    public async Task RememberAssertedAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        string normalized = Normalize(serviceUrl);
        if (_asserted.ContainsKey(normalized))
        {
            return;
        }

        if (store is not null && !IsChannelHost(normalized) && !IsConfigured(normalized))
        {
            // Durable first: a URL is trusted in memory only once a restart would trust it too.
            await store.RememberAsync(normalized, cancellationToken);
        }

        _asserted[normalized] = true;
    }

    public async Task<bool> IsTrustedAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        string normalized = Normalize(serviceUrl);
        if (IsChannelHost(normalized) || IsConfigured(normalized) || _asserted.ContainsKey(normalized))
        {
            return true;
        }

        if (store is not null && await store.IsTrustedAsync(normalized, cancellationToken))
        {
            _asserted[normalized] = true;
            return true;
        }

        return false;
    }

    /// <summary>True for an HTTPS URL on one of Microsoft's channel hosts.</summary>
    public static bool IsChannelHost(string serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out Uri? uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && uri.UserInfo.Length == 0
        && s_channelHosts.Any(host => uri.IdnHost.Equals(host, StringComparison.OrdinalIgnoreCase)
            || uri.IdnHost.EndsWith("." + host, StringComparison.OrdinalIgnoreCase));

    /// <summary>The form service URLs are compared and stored in: no trailing slash.</summary>
    public static string Normalize(string serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        return serviceUrl.Trim().TrimEnd('/');
    }

    private bool IsConfigured(string normalized) =>
        options.Value.TrustedServiceUrls
            .Select(Normalize)
            .Any(prefix => prefix.Length > 0
                && normalized.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && (normalized.Length == prefix.Length || normalized[prefix.Length] == '/'));
}
