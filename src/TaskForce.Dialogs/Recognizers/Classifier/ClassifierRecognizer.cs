namespace TaskForce.Dialogs.Recognizers.Classifier;

/// <summary>
/// The default recognizer: the rules read the entities and settle commands, buttons, numbers and codes; the intent of
/// free text comes from the <see cref="IntentClassifier"/>. When the classifier is unsure the rules' intent serves if
/// they found one, and when neither is sure the intent is <see cref="Intent.Unclear"/>, so the bot asks instead of guessing.
/// </summary>
public sealed class ClassifierRecognizer : IRecognizer
{
    /// <summary>The classifier's probability from which its intent is taken as it stands.</summary>
    public const float Confident = 0.5f;

    /// <summary>Below this probability, with no intent from the rules either, the bot asks what the member wants.</summary>
    public const float Unsure = 0.3f;

    private readonly RuleRecognizer _rules = new();
    private readonly IntentClassifier _classifier;

    /// <summary>Trains the classifier (once per process), so a bad examples file fails at startup, not on a message.</summary>
    public ClassifierRecognizer() => _classifier = IntentClassifier.Default;

    public Recognition Recognize(string text, RecognitionContext context)
    {
        RuleReading reading = _rules.Read(text, context);
        if (reading.Settled is Recognition settled)
        {
            return settled;
        }

        Prediction prediction = _classifier.Predict(reading.Normalized, reading.Entities);
        return _rules.Finish(reading, Decide(prediction, reading.Intent));
    }

    internal static Intent Decide(Prediction prediction, Intent rules) => prediction switch
    {
        { Probability: >= Confident } => prediction.Intent,
        _ when rules != Intent.None && (rules == prediction.Intent || rules == prediction.Second) => rules,
        { Probability: >= Unsure } => prediction.Intent,
        _ when rules != Intent.None => rules,
        _ => Intent.Unclear,
    };
}
