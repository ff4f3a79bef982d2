using TaskForce.Activities.Auth;
using TaskForce.Core.Conversations;

namespace TaskForce.Bot.Endpoints;

/// <summary>Lets the outbound token reach service URLs stored from validated activities after a restart.</summary>
internal sealed class StoredServiceUrls(ConversationReferenceStore references) : IServiceUrlStore
{
    public Task<bool> IsKnownServiceUrlAsync(string serviceUrl, CancellationToken cancellationToken) =>
        references.IsKnownServiceUrlAsync(ServiceUrlTrust.Normalize(serviceUrl), cancellationToken);
}
