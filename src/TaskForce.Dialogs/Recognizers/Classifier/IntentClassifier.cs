namespace TaskForce.Dialogs.Recognizers.Classifier;

/// <summary>
/// The statistical intent reader: filler particles taken out, features of <see cref="IntentFeatures"/>, and an
/// <see cref="IntentModel"/> trained once per process, deterministically, from the examples of dialogs/intents.yaml
/// (embedded), so the model can never be older than the examples it ships with.
/// </summary>
internal sealed class IntentClassifier
{
    private static readonly Lazy<IntentClassifier> s_default = new(() => Train(RecognizerData.Yaml("intents.yaml")));

    private readonly IntentModel _model;
    private readonly string[] _fillers;
    private readonly IntentTable _intents;

    private IntentClassifier(IntentModel model, string[] fillers, IntentTable intents)
    {
        _model = model;
        _fillers = fillers;
        _intents = intents;
    }

    public static IntentClassifier Default => s_default.Value;

    public int ExampleCount { get; private init; }

    public static IntentClassifier Train(Dictionary<object, object> root)
    {
        ArgumentNullException.ThrowIfNull(root);
        IntentTable intents = IntentTable.Default;
        string[] fillers = [.. RecognizerData.Strings(root, "fillers").Select(TextNormalizer.Normalize).OrderByDescending(f => f.Length)];
        IntentClassifier reader = new(null!, fillers, intents);
        RecognitionContext fixture = TrainingSet.Fixture(root);
        RuleRecognizer rules = new();
        List<(int[] Slots, Intent Intent)> examples = [];
        Span<int> slots = stackalloc int[IntentFeatures.MaxFeatures];
        foreach ((string text, Intent intent) in TrainingSet.Examples(root))
        {
            RuleReading reading = rules.Read(text, fixture);
            int count = reader.Features(reading.Normalized, reading.Entities, slots);
            examples.Add((slots[..count].ToArray(), intent));
        }

        return new IntentClassifier(IntentModel.Train(examples), fillers, intents) { ExampleCount = examples.Count };
    }

    public Prediction Predict(string normalized, RecognizedEntities entities)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(entities);
        Span<int> slots = stackalloc int[IntentFeatures.MaxFeatures];
        int count = Features(normalized, entities, slots);
        return _model.Predict(slots[..count]);
    }

    /// <summary>The message without filler particles (the fillers list of intents.yaml) that carry no intent.</summary>
    public string WithoutFillers(string normalized)
    {
        string text = normalized;
        foreach (string filler in _fillers)
        {
            if (text.Contains(filler, StringComparison.Ordinal))
            {
                text = text.Replace(filler, " ", StringComparison.Ordinal);
            }
        }

        return text;
    }

    private int Features(string normalized, RecognizedEntities entities, Span<int> slots)
    {
        string text = WithoutFillers(normalized);
        IntentTable.Words words = _intents.Find(text);
        return IntentFeatures.Extract(text, IntentFeatures.Signals.From(entities, words.IsQuestion, words.PhraseBits), slots);
    }
}
