namespace TaskForce.Dialogs.Recognizers;

/// <summary>The intent and entities found in one message, and the normalized text they were read from.</summary>
public sealed record Recognition(Intent Intent, RecognizedEntities Entities, string NormalizedText);
