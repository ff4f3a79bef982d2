using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;

namespace TaskForce.Activities.Auth;

/// <summary>
/// One <see cref="ConfigurationManager{T}"/> per metadata URL (§4.1: generic discovery does not work for the Bot
/// Framework issuer). Keys are refetched at least daily, and at once when a token names an unknown key id — at most
/// once per <see cref="ForcedRefreshInterval"/>, so unknown key ids cannot be used to hammer the metadata server.
/// </summary>
internal sealed class SigningKeySources(IHttpClientFactory httpClients, IOptions<BotOptions> options, TimeProvider time)
{
    public const string HttpClientName = "TaskForce.Activities.OpenId";

    public static readonly TimeSpan ForcedRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, ConfigurationManager<SigningMetadata>> _managers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastForced = new(StringComparer.Ordinal);

    public Task<SigningMetadata> GetAsync(string metadataUrl, CancellationToken cancellationToken) =>
        _managers.GetOrAdd(metadataUrl, Create).GetConfigurationAsync(cancellationToken);

    /// <summary>Drops the cached keys so the next <see cref="GetAsync"/> fetches them; false when done too recently.</summary>
    public bool TryForceRefresh(string metadataUrl)
    {
        DateTimeOffset now = time.GetUtcNow();
        if (_lastForced.TryGetValue(metadataUrl, out DateTimeOffset last) && now - last < ForcedRefreshInterval)
        {
            return false;
        }

        _lastForced[metadataUrl] = now;
        // A fresh manager fetches before it answers; RequestRefresh on the old one may refresh in the background.
        _managers[metadataUrl] = Create(metadataUrl);
        return true;
    }

    private ConfigurationManager<SigningMetadata> Create(string url)
    {
        // Plain http is allowed only for a loopback metadata server (tests, local tools).
        var documents = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName)) { RequireHttps = !Loopback.IsLoopbackUrl(url) };
        TimeSpan interval = options.Value.SigningKeyRefreshInterval;
        return new ConfigurationManager<SigningMetadata>(url, new SigningMetadataRetriever(), documents)
        {
            AutomaticRefreshInterval = interval > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : interval,
        };
    }
}
