using TaskForce.Dialogs.Recognizers;

namespace TaskForce.Dialogs.Engine;

/// <summary>What a dialog starts from: the entities of the message that started it, or a button's target.</summary>
internal sealed record DialogSeed(RecognizedEntities Entities, long? TaskId = null, long? BlockerId = null, string? Text = null)
{
    public static DialogSeed From(Recognition recognition) => new(recognition.Entities);
}
