namespace TaskForce.Core.Members;

/// <summary>One global lockout: every link attempt from <see cref="StartedAtMs"/> to <see cref="UntilMs"/> is refused.</summary>
public sealed record LinkLockout(long Id, long StartedAtMs, long UntilMs, long Failures, long Refused);
