namespace TaskForce.Activities.Auth;

/// <summary>Supplies the bearer token for calls to the connector; null in development mode (§4.4).</summary>
public interface IBotTokenProvider
{
    public Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}
