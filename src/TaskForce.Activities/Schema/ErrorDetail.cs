namespace TaskForce.Activities.Schema;

/// <summary>The code and message of a connector error; Teams may add a sub-code.</summary>
public sealed record ErrorDetail
{
    public string? Code { get; init; }

    public string? Message { get; init; }

    public string? SubCode { get; init; }
}
