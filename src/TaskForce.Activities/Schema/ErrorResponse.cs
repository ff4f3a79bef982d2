namespace TaskForce.Activities.Schema;

/// <summary>The connector's error body: <c>{"error": {"code", "message"}}</c> ([CHAN] ErrorResponse).</summary>
public sealed record ErrorResponse
{
    public ErrorDetail? Error { get; init; }
}
