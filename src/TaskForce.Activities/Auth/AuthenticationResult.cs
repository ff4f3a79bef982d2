namespace TaskForce.Activities.Auth;

/// <summary>The outcome of checking one inbound request: who called, or why it was refused.</summary>
public sealed record AuthenticationResult
{
    public bool Succeeded { get; private init; }

    /// <summary><c>urn:botframework:azure</c> or <c>urn:botframework:aadappid:&lt;appId&gt;</c>; null in development mode.</summary>
    public string? CallerId { get; private init; }

    /// <summary>Which kind of credential the caller presented.</summary>
    public InboundCredential Credential { get; private init; }

    /// <summary>
    /// True when a Bot Framework token's <c>serviceurl</c> claim vouched for the activity's service URL, so the bot's
    /// own token may go there (§4.1 item 8).
    /// </summary>
    public bool ServiceUrlAsserted { get; private init; }

    /// <summary>Why the request was refused; for logs only, never sent back.</summary>
    public string? Failure { get; private init; }

    /// <summary>True when the request failed the tenant allow-list rather than the token (answered 403).</summary>
    public bool Forbidden { get; private init; }

    /// <summary>True when the signing keys could not be fetched at all, so no token can be checked yet (answered 503).</summary>
    public bool Unavailable { get; private init; }

    /// <summary>When keys are unavailable, how long until the next fetch is tried (the 503's <c>Retry-After</c>).</summary>
    public TimeSpan RetryAfter { get; private init; }

    /// <summary>
    /// True when the channel's word on who the user is (Teams' <c>aadObjectId</c>, the members API) can be trusted:
    /// development mode on loopback, a Bot Framework token, or an Entra token of a configured caller.
    /// </summary>
    public bool VouchesForUser => Succeeded && Credential is InboundCredential.Development or InboundCredential.BotFramework or InboundCredential.AllowedCaller;

    public static AuthenticationResult Success(string? callerId, InboundCredential credential, bool serviceUrlAsserted) =>
        new() { Succeeded = true, CallerId = callerId, Credential = credential, ServiceUrlAsserted = serviceUrlAsserted };

    public static AuthenticationResult Fail(string failure) => new() { Failure = failure };

    public static AuthenticationResult Forbid(string failure) => new() { Failure = failure, Forbidden = true };

    public static AuthenticationResult KeysUnavailable(string failure) =>
        new() { Failure = failure, Unavailable = true, RetryAfter = SigningKeySources.FailedFetchBackoff };
}
