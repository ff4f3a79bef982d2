namespace TaskForce.Activities.Connector;

/// <summary>What became of a connector call.</summary>
public enum ConnectorOutcome
{
    /// <summary>2xx: the channel took it.</summary>
    Sent,

    /// <summary>Throttled or a transient failure that outlasted the retries; try again later (see RetryAfter).</summary>
    RetryLater,

    /// <summary>Refused for good (400, 401, other 403/404, an untrusted service URL); retrying will not help.</summary>
    PermanentFailure,

    /// <summary>The bot can no longer write to this conversation: mark the reference dead (§3.3).</summary>
    ConversationDead,
}
