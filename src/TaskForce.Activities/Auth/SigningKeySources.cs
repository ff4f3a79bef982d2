using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;

namespace TaskForce.Activities.Auth;

/// <summary>
/// The signing keys of each metadata URL (§4.1: generic discovery does not work for the Bot Framework issuer),
/// refetched at least daily. The last good keys are kept until new ones have been fetched: an outage of the metadata
/// server, or a token naming an unknown key id during one, never leaves the bot without keys it had. An unknown key
/// id triggers at most one refetch per <see cref="ForcedRefreshInterval"/>, so it cannot be used to hammer the server.
/// </summary>
internal sealed class SigningKeySources(
    IHttpClientFactory httpClients, IOptions<BotOptions> options, TimeProvider time, ILogger<SigningKeySources> logger)
{
    public const string HttpClientName = "TaskForce.Activities.OpenId";

    public static readonly TimeSpan ForcedRefreshInterval = TimeSpan.FromMinutes(1);

    /// <summary>How long a failed first fetch is not retried; requests meanwhile are answered 503 at once.</summary>
    public static readonly TimeSpan FailedFetchBackoff = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Source> _sources = new(StringComparer.Ordinal);

    /// <summary>The current keys; null when none could ever be fetched (the caller answers 503).</summary>
    public async Task<SigningMetadata?> GetAsync(string metadataUrl, CancellationToken cancellationToken)
    {
        Source source = _sources.GetOrAdd(metadataUrl, url => new Source(Create(url)));
        if (source.LastGood is null && time.GetUtcNow() < source.RetryAfter)
        {
            return null;
        }

        try
        {
            source.LastGood = await source.Manager.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.SigningKeysUnavailable(ex, metadataUrl, kept: source.LastGood is not null);
            if (source.LastGood is null)
            {
                // A manager that failed its first fetch may throw for a long time; start over after the backoff.
                source.RetryAfter = time.GetUtcNow() + FailedFetchBackoff;
                source.Manager = Create(metadataUrl);
            }
        }

        return source.LastGood;
    }

    /// <summary>
    /// Fetches the keys anew because a token named a key id they lack; the new keys replace the old only when the
    /// fetch succeeds. Null when refreshed too recently or the fetch failed.
    /// </summary>
    public async Task<SigningMetadata?> RefreshForUnknownKeyAsync(string metadataUrl, CancellationToken cancellationToken)
    {
        Source source = _sources.GetOrAdd(metadataUrl, url => new Source(Create(url)));
        DateTimeOffset now = time.GetUtcNow();
        lock (source)
        {
            if (now - source.LastForced < ForcedRefreshInterval)
            {
                return null;
            }

            source.LastForced = now;
        }

        // A fresh manager fetches before it answers; RequestRefresh on the old one may refresh in the background.
        ConfigurationManager<SigningMetadata> fresh = Create(metadataUrl);
        try
        {
            SigningMetadata metadata = await fresh.GetConfigurationAsync(cancellationToken);
            source.Manager = fresh;
            source.LastGood = metadata;
            return metadata;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.SigningKeysUnavailable(ex, metadataUrl, kept: source.LastGood is not null);
            return null;
        }
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

    // Races between turns only ever replace good keys with newer good keys.
    private sealed class Source(ConfigurationManager<SigningMetadata> manager)
    {
        public ConfigurationManager<SigningMetadata> Manager { get; set; } = manager;

        public SigningMetadata? LastGood { get; set; }

        public DateTimeOffset RetryAfter { get; set; }

        public DateTimeOffset LastForced { get; set; } = DateTimeOffset.MinValue;
    }
}
