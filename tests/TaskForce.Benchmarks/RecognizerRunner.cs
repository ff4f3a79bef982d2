using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using TaskForce.Dialogs.Recognizers;
using YamlDotNet.Serialization;

namespace TaskForce.Benchmarks;

/// <summary>Runs <see cref="RecognizerBenchmarks"/> (a short in-process BenchmarkDotNet job) and checks utterances/s.</summary>
internal static class RecognizerRunner
{
    public const double Target = 20_000;

    public static Task RunAsync(BenchmarkSettings settings, ResultTable table, CancellationToken cancellationToken)
    {
        IConfig config = ManualConfig.CreateEmpty()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddLogger(ConsoleLogger.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .WithOptions(ConfigOptions.DisableLogFile | ConfigOptions.JoinSummary);
        Summary summary = BenchmarkRunner.Run<RecognizerBenchmarks>(config);
        BenchmarkReport? report = summary.Reports.FirstOrDefault();
        double? meanNs = report?.ResultStatistics?.Mean;
        if (meanNs is null)
        {
            table.Check("recognizer utterances/s", "no result", ">= 20000", pass: false);
            return Task.CompletedTask;
        }

        double perSecond = 1e9 / meanNs.Value;
        table.Check(
            string.Create(CultureInfo.InvariantCulture, $"recognizer utterances/s ({RecognizerBenchmarks.CaseCount} corpus cases)"),
            ResultTable.Format(perSecond, "0"), ">= 20000", perSecond >= Target);
        return Task.CompletedTask;
    }
}

/// <summary>Recognizes every example utterance of <c>dialogs/intents.yaml</c> against its fixture.</summary>
public class RecognizerBenchmarks
{
    private static readonly (RecognitionContext Context, string[] Texts) s_corpus = Load();
    private readonly RuleRecognizer _recognizer = new();

    public static int CaseCount => s_corpus.Texts.Length;

    [BenchmarkDotNet.Attributes.Benchmark(OperationsPerInvoke = 256)]
    public int RecognizeCorpus()
    {
        int intents = 0;
        string[] texts = s_corpus.Texts;
        for (int i = 0; i < 256; i++)
        {
            intents += (int)_recognizer.Recognize(texts[i % texts.Length], s_corpus.Context).Intent;
        }

        return intents;
    }

    private static (RecognitionContext, string[]) Load()
    {
        string path = Path.Combine(BotInstance.RepoRoot(), "dialogs", "intents.yaml");
        using StreamReader reader = new(path);
        Dictionary<object, object> root = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(reader);
        var fixture = (Dictionary<object, object>)root["fixture"];
        RecognitionContext context = new(
            DateOnly.ParseExact(Text(fixture, "today")!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            [.. Maps(fixture, "tasks").Select(task => new TaskCandidate(
                Id(task), Text(task, "title")!, Text(task, "title-en"), Strings(task, "aliases"), int.Parse(Text(task, "list")!, CultureInfo.InvariantCulture)))],
            [.. Maps(fixture, "departments").Select(Named)],
            [.. Maps(fixture, "campaigns").Select(Named)]);
        return (context, [.. Maps(root, "cases").Select(item => Text(item, "text")!)]);
    }

    private static long Id(Dictionary<object, object> map) => long.Parse(Text(map, "id")!, CultureInfo.InvariantCulture);

    private static NamedCandidate Named(Dictionary<object, object> map) => new(Id(map), Text(map, "name")!, Text(map, "name-en"), Strings(map, "aliases"));

    private static IEnumerable<Dictionary<object, object>> Maps(Dictionary<object, object> map, string key) =>
        ((List<object>)map[key]).Cast<Dictionary<object, object>>();

    private static string? Text(Dictionary<object, object> map, string key) =>
        map.TryGetValue(key, out object? value) ? (string)value : null;

    private static IReadOnlyList<string> Strings(Dictionary<object, object> map, string key) =>
        !map.TryGetValue(key, out object? value) ? []
        : value is List<object> list ? [.. list.Cast<string>()]
        : [(string)value];
}
