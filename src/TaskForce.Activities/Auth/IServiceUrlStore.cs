namespace TaskForce.Activities.Auth;

/// <summary>
/// The host's durable record of service URLs taken from validated activities, so the outbound token still goes
/// to them after a restart (§7, "proactive send right after restart").
/// </summary>
public interface IServiceUrlStore
{
    public Task<bool> IsKnownServiceUrlAsync(string serviceUrl, CancellationToken cancellationToken);
}
