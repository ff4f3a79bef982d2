namespace TaskForce.Core.Members;

public enum LinkOutcome
{
    Linked,
    Invalid,
    Expired,
    AlreadyUsed,

    /// <summary>This chat account or conversation made too many failed attempts in the attempt window.</summary>
    TooManyAttempts,

    /// <summary>Too many failed attempts over all accounts: nobody can link until the lockout ends.</summary>
    Paused,

    /// <summary>The code was voided because too many wrong codes were tried after it was issued.</summary>
    Withdrawn,
}
