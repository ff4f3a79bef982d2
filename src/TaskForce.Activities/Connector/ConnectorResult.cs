namespace TaskForce.Activities.Connector;

/// <summary>The result of a connector call; HTTP failures are reported here, never thrown.</summary>
public sealed record ConnectorResult
{
    public required ConnectorOutcome Outcome { get; init; }

    /// <summary>The id the channel gave the sent activity, when it said.</summary>
    public string? ActivityId { get; init; }

    /// <summary>For a created conversation, its id.</summary>
    public string? ConversationId { get; init; }

    public int? StatusCode { get; init; }

    /// <summary>The connector's error code (e.g. <c>BotNotInConversationRoster</c>) or our own reason.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>How long the channel asked us to wait (the last <c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The JSON object a successful call answered with (e.g. the member of a members lookup).</summary>
    public System.Text.Json.JsonElement? Body { get; init; }

    public bool Succeeded => Outcome == ConnectorOutcome.Sent;
}
