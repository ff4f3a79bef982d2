using System.Globalization;
using TaskForce.Dialogs.Recognizers;

namespace TaskForce.Benchmarks;

/// <summary>
/// Accuracy on the held-out corpus (messages written apart from the training examples and the rules): per intent,
/// overall, and the one-message report rate (task and figure both right after one message), for each recognizer
/// given, all in the same run.
/// </summary>
internal static class HeldOutMeasurement
{
    public const double OverallTarget = 0.90;
    public const double IntentTarget = 0.80;
    public const double OneMessageTarget = 0.90;

    public static void Run(ResultTable table, IReadOnlyList<(string Name, IRecognizer Recognizer)> recognizers)
    {
        IReadOnlyList<HeldOutCase> cases = HeldOutCase.Load();
        RecognitionContext context = RecognizerBenchmarks.Fixture;
        string label = string.Create(CultureInfo.InvariantCulture, $"{cases.Count} held-out messages");
        foreach ((string name, IRecognizer recognizer) in recognizers)
        {
            Recognition[] results = [.. cases.Select(c => recognizer.Recognize(c.Text, context))];
            bool[] right = [.. cases.Select((c, i) => IsRight(c.Intent, results[i].Intent))];
            double overall = right.Count(r => r) / (double)cases.Count;
            table.Check($"held-out accuracy, {name} ({label})", Percent(overall), ">= 90%", overall >= OverallTarget);
            foreach (IGrouping<Intent, int> group in Enumerable.Range(0, cases.Count).GroupBy(i => cases[i].Intent).OrderBy(g => g.Key.ToString(), StringComparer.Ordinal))
            {
                double share = group.Count(i => right[i]) / (double)group.Count();
                table.Check(string.Create(CultureInfo.InvariantCulture, $"  {name}: {group.Key} ({group.Count()})"), Percent(share), ">= 80%", share >= IntentTarget);
            }

            int[] reports = [.. Enumerable.Range(0, cases.Count).Where(i => cases[i].IsOneMessageReport)];
            double oneMessage = reports.Count(i => OneMessageRight(cases[i], results[i], context)) / (double)reports.Length;
            table.Check(string.Create(CultureInfo.InvariantCulture, $"one-message reports right, {name} ({reports.Length})"), Percent(oneMessage), ">= 90%", oneMessage >= OneMessageTarget);
            if (Environment.GetEnvironmentVariable("HELDOUT_FAILURES") == "1")
            {
                foreach (int i in Enumerable.Range(0, cases.Count).Where(i => !right[i] || (cases[i].IsOneMessageReport && !OneMessageRight(cases[i], results[i], context))))
                {
                    table.Note($"{name}: '{cases[i].Text}' expected {cases[i].Intent} {cases[i].Task} {cases[i].Percent}, got {results[i].Intent} [{string.Join(',', results[i].Entities.TaskIds)}] {results[i].Entities.Percent}");
                }
            }
        }
    }

    /// <summary>An off-topic message (None) is answered rightly by nothing or by the clarifying question: neither acts on it.</summary>
    private static bool IsRight(Intent expected, Intent actual) =>
        actual == expected || (expected == Intent.None && actual == Intent.Unclear);

    private static bool OneMessageRight(HeldOutCase expected, Recognition result, RecognitionContext context) =>
        result.Intent == Intent.ReportProgress
        && result.Entities.Percent == expected.Percent
        && result.Entities.TaskIds.Count == 1
        && context.Tasks.Any(t => t.Id == result.Entities.TaskIds[0] && RecognizerBenchmarks.TaskKey(t.Id) == expected.Task);

    private static string Percent(double share) => ResultTable.Format(share * 100, "0.0") + "%";
}
