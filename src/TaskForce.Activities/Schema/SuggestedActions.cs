namespace TaskForce.Activities.Schema;

/// <summary>Buttons offered under a message; a missing <see cref="To"/> means everyone (A7710).</summary>
public sealed record SuggestedActions
{
    public IReadOnlyList<string>? To { get; init; }

    public required IReadOnlyList<CardAction> Actions { get; init; }
}
