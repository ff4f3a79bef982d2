namespace TaskForce.Activities.Schema;

/// <summary>The body returned for <c>deliveryMode: expectReplies</c> (§2.4).</summary>
public sealed record ExpectedReplies
{
    public required IReadOnlyList<BotActivity> Activities { get; init; }
}
