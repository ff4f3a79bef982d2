namespace TaskForce.Dialogs.Language;

/// <summary>An answer to a leader's question and the records it rests on (built from the tools' results, not from the model's text).</summary>
public sealed record GroundedAnswer(string Text, IReadOnlyList<string> Sources);
