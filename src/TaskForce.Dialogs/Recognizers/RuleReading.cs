namespace TaskForce.Dialogs.Recognizers;

/// <summary>
/// The rules' reading of a message before its intent is final: the normalized text, the entities, the rules' own
/// intent, and <see cref="Settled"/> when the message alone decides (empty, a bare number or code, a command word).
/// </summary>
internal sealed record RuleReading(string Normalized, string Bare, RecognizedEntities Entities, Intent Intent, Recognition? Settled)
{
    public static RuleReading Final(Recognition recognition) =>
        new(recognition.NormalizedText, recognition.NormalizedText, recognition.Entities, recognition.Intent, recognition);
}
