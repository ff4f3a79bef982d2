using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TaskForce.Activities.Auth;

/// <summary>
/// Decides where the outbound bearer token may go: service URLs seen on validated activities (in memory and in the
/// host's store) and the configured <see cref="BotOptions.TrustedServiceUrls"/> — never a host merely named in a
/// request (§3.3, §8 item 7).
/// </summary>
public sealed class ServiceUrlTrust(IOptions<BotOptions> options, IServiceUrlStore? store = null)
{
    private readonly ConcurrentDictionary<string, bool> _seen = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records a service URL that arrived on a validated activity.</summary>
    public void Remember(string serviceUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        _seen[Normalize(serviceUrl)] = true;
    }

    public async Task<bool> IsTrustedAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        string normalized = Normalize(serviceUrl);
        if (_seen.ContainsKey(normalized) || IsConfigured(normalized))
        {
            return true;
        }

        if (store is not null && await store.IsKnownServiceUrlAsync(normalized, cancellationToken))
        {
            _seen[normalized] = true;
            return true;
        }

        return false;
    }

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
