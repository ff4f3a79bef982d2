namespace TaskForce.Activities.Auth;

/// <summary>
/// The host's durable record of service URLs a Bot Framework token's <c>serviceurl</c> claim asserted, so the
/// outbound token still goes to them after a restart (§3.3, "proactive send right after restart").
/// </summary>
public interface IServiceUrlStore
{
    public Task<bool> IsTrustedAsync(string serviceUrl, CancellationToken cancellationToken);

    public Task RememberAsync(string serviceUrl, CancellationToken cancellationToken);
}
