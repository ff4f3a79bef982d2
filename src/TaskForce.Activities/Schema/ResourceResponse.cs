namespace TaskForce.Activities.Schema;

/// <summary>The connector's answer to a send: the new activity id, and for a new conversation its id.</summary>
public sealed record ResourceResponse
{
    public string? Id { get; init; }

    public string? ActivityId { get; init; }

    public string? ServiceUrl { get; init; }
}
