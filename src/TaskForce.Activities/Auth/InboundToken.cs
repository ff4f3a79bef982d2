namespace TaskForce.Activities.Auth;

/// <summary>
/// The outcome of checking a request's <c>Authorization</c> header before its body is read: either a refusal, or a
/// verified credential that <see cref="ActivityAuthenticator.AuthenticateAsync(InboundToken, Schema.BotActivity, CancellationToken)"/>
/// binds to the activity.
/// </summary>
public sealed class InboundToken
{
    private InboundToken(AuthenticationResult? refusal, VerifiedToken? verified)
    {
        Refusal = refusal;
        Verified = verified;
    }

    /// <summary>Set when the request must be refused without reading its body.</summary>
    public AuthenticationResult? Refusal { get; }

    internal VerifiedToken? Verified { get; }

    internal static InboundToken Development { get; } = new(null, null);

    internal static InboundToken Refused(AuthenticationResult refusal) => new(refusal, null);

    internal static InboundToken Of(VerifiedToken verified) => new(null, verified);
}
