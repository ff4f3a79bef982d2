using System.Globalization;
using BenchmarkDotNet.Attributes;
using TaskForce.Dialogs.Recognizers;
using TaskForce.Dialogs.Recognizers.Classifier;
using YamlDotNet.Serialization;

namespace TaskForce.Benchmarks;

/// <summary>
/// Each benchmark is one pass over every example utterance of <c>dialogs/intents.yaml</c>, recognized against its
/// fixture: the whole recognizer, a reference scan, and the recognizer's stages on their own (each given what the
/// stage before it produced, prepared outside the timing).
/// </summary>
public class RecognizerBenchmarks
{
    private static readonly char[] s_bareTrim = [' ', ',', '.', ';', '!', '~', '\u3001', '\u3002'];
    private static readonly Dictionary<long, string> s_taskKeys = [];
    private static readonly (RecognitionContext Context, string[] Texts) s_corpus = Load();

    private readonly RuleRecognizer _recognizer = new();
    private readonly ClassifierRecognizer _classifier = new();
    private readonly Lexicon _lexicon = Lexicon.Default;
    private readonly IntentTable _intents = IntentTable.Default;
    private readonly string[] _names;
    private readonly (string Normalized, string Bare, RecognizedEntities Entities)[] _prepared;

    public RecognizerBenchmarks()
    {
        RecognitionContext context = s_corpus.Context;
        string?[] names =
        [
            .. context.Tasks.SelectMany(t => (string?[])[t.Title, t.TitleEn, .. t.Aliases]),
            .. context.Departments.Concat(context.Campaigns).SelectMany(c => (string?[])[c.Name, c.NameEn, .. c.Aliases]),
        ];
        _names = [.. names.OfType<string>().Where(n => n.Length > 0).Select(n => n.ToLowerInvariant())];
        _prepared =
        [
            .. s_corpus.Texts.Select(TextNormalizer.Normalize).Select(n => (n, n.Trim(s_bareTrim)))
                .Select(p => (p.n, p.Item2, EntityExtractor.Extract(p.n, p.Item2, context, _lexicon))),
        ];
    }

    /// <summary>Benchmark methods of the recognizer's stages, with the name the results table gives each.</summary>
    public static IReadOnlyList<(string Method, string Stage)> Stages { get; } =
    [
        (nameof(RecognizeWithClassifier), "whole recognizer with classifier (the default)"),
        (nameof(Recognize), "whole recognizer, rules only"),
        (nameof(Normalize), "normalize"),
        (nameof(Candidates), "campaign, task, department names"),
        (nameof(Dates), "dates"),
        (nameof(Entities), "all entities (names and dates included)"),
        (nameof(Intent), "intent"),
        (nameof(BaselineContainsScan), "baseline Contains scan"),
    ];

    public static int CaseCount => s_corpus.Texts.Length;

    /// <summary>The tasks, departments and campaigns of intents.yaml's fixture, which the held-out corpus also uses.</summary>
    public static RecognitionContext Fixture => s_corpus.Context;

    /// <summary>The fixture's key of a task id ("ocean" for 1).</summary>
    public static string TaskKey(long id) => s_taskKeys[id];

    /// <summary>The reference: for each utterance, an ordinal Contains of every fixture name (about 60 names).</summary>
    [Benchmark(Baseline = true)]
    public int BaselineContainsScan()
    {
        int found = 0;
        foreach (string text in s_corpus.Texts)
        {
            foreach (string name in _names)
            {
                found += text.Contains(name, StringComparison.Ordinal) ? 1 : 0;
            }
        }

        return found;
    }

    [Benchmark]
    public int Recognize()
    {
        int intents = 0;
        foreach (string text in s_corpus.Texts)
        {
            intents += (int)_recognizer.Recognize(text, s_corpus.Context).Intent;
        }

        return intents;
    }

    [Benchmark]
    public int RecognizeWithClassifier()
    {
        int intents = 0;
        foreach (string text in s_corpus.Texts)
        {
            intents += (int)_classifier.Recognize(text, s_corpus.Context).Intent;
        }

        return intents;
    }

    [Benchmark]
    public int Normalize()
    {
        int length = 0;
        foreach (string text in s_corpus.Texts)
        {
            length += TextNormalizer.Normalize(text).Length;
        }

        return length;
    }

    [Benchmark]
    public int Candidates()
    {
        int found = 0;
        RecognitionContext context = s_corpus.Context;
        foreach ((string normalized, _, _) in _prepared)
        {
            TextSpans spans = new(normalized);
            found += CandidateMatcher.BestNamed(spans, context.Campaigns, _lexicon).Count
                + CandidateMatcher.BestTasks(spans, context.Tasks, _lexicon).Count
                + CandidateMatcher.AllNamed(normalized, context.Departments, _lexicon).Count;
        }

        return found;
    }

    [Benchmark]
    public int Dates()
    {
        int found = 0;
        foreach ((string normalized, _, _) in _prepared)
        {
            found += (int)DateParser.Parse(normalized, s_corpus.Context.Today, _lexicon).Scope;
        }

        return found;
    }

    [Benchmark]
    public int Entities()
    {
        int found = 0;
        foreach ((string normalized, string bare, _) in _prepared)
        {
            found += EntityExtractor.Extract(normalized, bare, s_corpus.Context, _lexicon).TaskIds.Count;
        }

        return found;
    }

    [Benchmark]
    public int Intent()
    {
        int intents = 0;
        foreach ((string normalized, string bare, RecognizedEntities entities) in _prepared)
        {
            intents += (int)IntentResolver.Resolve(normalized, bare, entities, _intents);
        }

        return intents;
    }

    private static (RecognitionContext, string[]) Load()
    {
        string path = Path.Combine(BotInstance.RepoRoot(), "dialogs", "intents.yaml");
        using StreamReader reader = new(path);
        Dictionary<object, object> root = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(reader);
        var fixture = (Dictionary<object, object>)root["fixture"];
        foreach (Dictionary<object, object> task in Maps(fixture, "tasks"))
        {
            s_taskKeys[Id(task)] = Text(task, "key")!;
        }

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
