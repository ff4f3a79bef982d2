namespace TaskForce.Activities.Auth;

/// <summary>The outcome of checking one inbound request: who called, or why it was refused.</summary>
public sealed record AuthenticationResult
{
    public bool Succeeded { get; private init; }

    /// <summary><c>urn:botframework:azure</c> or <c>urn:botframework:aadappid:&lt;appId&gt;</c>; null in development mode.</summary>
    public string? CallerId { get; private init; }

    /// <summary>Why the request was refused; for logs only, never sent back.</summary>
    public string? Failure { get; private init; }

    /// <summary>True when the request failed the tenant allow-list rather than the token (answered 403).</summary>
    public bool Forbidden { get; private init; }

    public static AuthenticationResult Success(string? callerId) => new() { Succeeded = true, CallerId = callerId };

    public static AuthenticationResult Fail(string failure) => new() { Failure = failure };

    public static AuthenticationResult Forbid(string failure) => new() { Failure = failure, Forbidden = true };
}
