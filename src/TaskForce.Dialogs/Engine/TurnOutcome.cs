using TaskForce.Dialogs.Rendering;

namespace TaskForce.Dialogs.Engine;

/// <summary>What a turn produced: the replies, and whether the activity had been processed before.</summary>
public sealed record TurnOutcome(IReadOnlyList<OutgoingMessage> Messages, bool Duplicate = false, long? MemberId = null, string? Intent = null)
{
    /// <summary>Language model tokens this turn used (0 when the rules served alone).</summary>
    public long PromptTokens { get; init; }

    public long CompletionTokens { get; init; }

    /// <summary>The turn's transaction recorded the activity as processed (or found it recorded): nobody needs to again.</summary>
    public bool Recorded { get; init; }

    /// <summary>The turn's transaction recorded the member as the writer of this conversation: nobody needs to again.</summary>
    public bool MemberAssigned { get; init; }
}
