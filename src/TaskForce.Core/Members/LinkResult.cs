namespace TaskForce.Core.Members;

/// <summary>What a link attempt did; <see cref="RetryAfter"/> says how long a refused sender should wait.</summary>
public sealed record LinkResult(LinkOutcome Outcome, long? MemberId = null, TimeSpan? RetryAfter = null);
