namespace TaskForce.Dialogs.Recognizers;

/// <summary>What the recognizer may resolve names and relative dates against.</summary>
public sealed record RecognitionContext(
    DateOnly Today,
    IReadOnlyList<TaskCandidate> Tasks,
    IReadOnlyList<NamedCandidate> Departments,
    IReadOnlyList<NamedCandidate> Campaigns)
{
    /// <summary>A context with no candidates, for messages that need none (confirmations, commands).</summary>
    public static RecognitionContext Empty(DateOnly today) => new(today, [], [], []);
}
