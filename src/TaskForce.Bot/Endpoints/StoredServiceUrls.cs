using TaskForce.Activities.Auth;
using TaskForce.Core.Conversations;

namespace TaskForce.Bot.Endpoints;

/// <summary>Lets the outbound token reach service URLs that Bot Framework tokens asserted, after a restart too.</summary>
internal sealed class StoredServiceUrls(TrustedServiceUrlStore store, TimeProvider time) : IServiceUrlStore
{
    public Task<bool> IsTrustedAsync(string serviceUrl, CancellationToken cancellationToken) =>
        store.IsTrustedAsync(ServiceUrlTrust.Normalize(serviceUrl), cancellationToken);

    public Task RememberAsync(string serviceUrl, CancellationToken cancellationToken) =>
        store.RememberAsync(ServiceUrlTrust.Normalize(serviceUrl), time.GetUtcNow(), cancellationToken);
}
