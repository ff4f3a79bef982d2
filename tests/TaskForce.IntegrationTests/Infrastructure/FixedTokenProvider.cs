using TaskForce.Activities.Auth;

namespace TaskForce.IntegrationTests.Infrastructure;

/// <summary>An outbound token provider that hands out a fixed token and counts forced refreshes.</summary>
internal sealed class FixedTokenProvider(string token = FixedTokenProvider.DefaultToken) : IBotTokenProvider
{
    public const string DefaultToken = "test-outbound-token";

    public int ForcedRefreshes { get; private set; }

    public Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (forceRefresh)
        {
            ForcedRefreshes++;
        }

        return Task.FromResult<string?>(token);
    }
}
