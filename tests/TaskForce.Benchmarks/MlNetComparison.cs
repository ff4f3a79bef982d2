using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using TaskForce.Dialogs.Recognizers;
using TaskForce.Dialogs.Recognizers.Classifier;

namespace TaskForce.Benchmarks;

/// <summary>
/// The bot's own maximum-entropy classifier beside ML.NET's (FeaturizeText with character 1–3-grams and word
/// 1–2-grams, SdcaMaximumEntropy) trained on the same examples and placed in the same decision path (rules first,
/// then the model, then <see cref="ClassifierRecognizer.Decide"/>), so the held-out figures compare the models
/// alone. Prints accuracy, training time, time per prediction and model size for each.
/// </summary>
internal static class MlNetComparison
{
    public static Task RunAsync(BenchmarkSettings settings, ResultTable table, CancellationToken cancellationToken)
    {
        Dictionary<object, object> root = RecognizerData.Yaml("intents.yaml");
        IReadOnlyList<(string Text, Intent Intent)> examples = TrainingSet.Examples(root);

        Stopwatch clock = Stopwatch.StartNew();
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(examples.Select(e => new Example { Text = TextNormalizer.Normalize(e.Text), Label = e.Intent.ToString() }));
        var featurizer = new TextFeaturizingEstimator.Options
        {
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = true },
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", featurizer, nameof(Example.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy())
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        ITransformer model = pipeline.Fit(data);
        double trainMs = clock.Elapsed.TotalMilliseconds;
        using var saved = new MemoryStream();
        ml.Model.Save(model, data.Schema, saved);
        PredictionEngine<Example, Predicted> engine = ml.Model.CreatePredictionEngine<Example, Predicted>(model);
        string[] labels = LabelNames(model, data);

        var rules = new RuleRecognizer();
        var mlRecognizer = new DelegateRecognizer(text =>
        {
            RuleReading reading = rules.Read(text, RecognizerBenchmarks.Fixture);
            if (reading.Settled is Recognition settled)
            {
                return settled;
            }

            Predicted output = engine.Predict(new Example { Text = reading.Normalized });
            int[] order = [.. Enumerable.Range(0, output.Score.Length).OrderByDescending(i => output.Score[i])];
            var prediction = new Prediction(
                Enum.Parse<Intent>(labels[order[0]]), output.Score[order[0]], Enum.Parse<Intent>(labels[order[1]]), output.Score[order[1]]);
            return rules.Finish(reading, ClassifierRecognizer.Decide(prediction, reading.Intent));
        });

        HeldOutMeasurement.Run(table, [("classifier", new ClassifierRecognizer()), ("ML.NET SDCA", mlRecognizer)]);
        table.Info(string.Create(CultureInfo.InvariantCulture, $"ML.NET training ({examples.Count} examples), ms"), ResultTable.Format(trainMs, "0"));
        table.Info("ML.NET model size, KB", ResultTable.Format(saved.Length / 1024.0, "0"));
        clock.Restart();
        IntentClassifier own = IntentClassifier.Train(root);
        table.Info("own classifier training, ms", ResultTable.Format(clock.Elapsed.TotalMilliseconds, "0"));

        IReadOnlyList<HeldOutCase> cases = HeldOutCase.Load();
        table.Info("ML.NET prediction (PredictionEngine), µs per message", ResultTable.Format(MicrosPerMessage(cases, c => engine.Predict(new Example { Text = c })), "0.0"));
        table.Info(
            "own classifier prediction, µs per message",
            ResultTable.Format(MicrosPerMessage(cases, c => own.Predict(c, RecognizedEntities.Empty)), "0.0"));
        table.Note("Both models sit behind the same rules and the same Decide thresholds; only the model differs.");
        return Task.CompletedTask;
    }

    private static double MicrosPerMessage<T>(IReadOnlyList<HeldOutCase> cases, Func<string, T> predict)
    {
        string[] texts = [.. cases.Select(c => TextNormalizer.Normalize(c.Text))];
        foreach (string text in texts)
        {
            predict(text); // warm-up
        }

        const int Rounds = 20;
        Stopwatch clock = Stopwatch.StartNew();
        for (int round = 0; round < Rounds; round++)
        {
            foreach (string text in texts)
            {
                predict(text);
            }
        }

        return clock.Elapsed.TotalMicroseconds / (Rounds * texts.Length);
    }

    /// <summary>The class names in the order of the score vector (the key values of the label column).</summary>
    private static string[] LabelNames(ITransformer model, IDataView data)
    {
        DataViewSchema schema = model.GetOutputSchema(data.Schema);
        VBuffer<ReadOnlyMemory<char>> names = default;
        schema["Score"].GetSlotNames(ref names);
        return [.. names.DenseValues().Select(n => n.ToString())];
    }

    private sealed class Example
    {
        public string Text { get; set; } = string.Empty;

        public string Label { get; set; } = string.Empty;
    }

    private sealed class Predicted
    {
        public float[] Score { get; set; } = [];
    }

    private sealed class DelegateRecognizer(Func<string, Recognition> recognize) : IRecognizer
    {
        public Recognition Recognize(string text, RecognitionContext context) => recognize(text);
    }
}
