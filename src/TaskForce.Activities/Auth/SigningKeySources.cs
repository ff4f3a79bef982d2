using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;

namespace TaskForce.Activities.Auth;

/// <summary>
/// One <see cref="ConfigurationManager{T}"/> per metadata URL (§4.1: generic discovery does not work for the Bot
/// Framework issuer). Keys are refetched at least daily and, on request, when a token names an unknown key id.
/// </summary>
internal sealed class SigningKeySources(IHttpClientFactory httpClients, IOptions<BotOptions> options)
{
    public const string HttpClientName = "TaskForce.Activities.OpenId";

    private readonly ConcurrentDictionary<string, ConfigurationManager<SigningMetadata>> _managers = new(StringComparer.Ordinal);

    public Task<SigningMetadata> GetAsync(string metadataUrl, CancellationToken cancellationToken) =>
        Manager(metadataUrl).GetConfigurationAsync(cancellationToken);

    public void RequestRefresh(string metadataUrl) => Manager(metadataUrl).RequestRefresh();

    private ConfigurationManager<SigningMetadata> Manager(string metadataUrl) =>
        _managers.GetOrAdd(metadataUrl, url =>
        {
            // Plain http is allowed only for a loopback metadata server (tests, local tools).
            var documents = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName)) { RequireHttps = !Loopback.IsLoopbackUrl(url) };
            TimeSpan interval = options.Value.SigningKeyRefreshInterval;
            return new ConfigurationManager<SigningMetadata>(url, new SigningMetadataRetriever(), documents)
            {
                AutomaticRefreshInterval = interval > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : interval,
                RefreshInterval = TimeSpan.FromSeconds(30),
            };
        });
}
