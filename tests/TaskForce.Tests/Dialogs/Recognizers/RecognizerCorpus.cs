using System.Globalization;
using TaskForce.Dialogs.Recognizers;
using TaskForce.Tests.Architecture;
using YamlDotNet.Serialization;

namespace TaskForce.Tests.Dialogs.Recognizers;

/// <summary>The example utterances of dialogs/intents.yaml with the fixture they are recognized against.</summary>
internal sealed class RecognizerCorpus
{
    public static RecognizerCorpus Instance { get; } = Load();

    private RecognizerCorpus(RecognitionContext context, IReadOnlyDictionary<string, long> taskIds, IReadOnlyList<Dictionary<object, object>> cases)
    {
        Context = context;
        TaskIds = taskIds;
        Cases = cases;
    }

    public RecognitionContext Context { get; }

    public IReadOnlyDictionary<string, long> TaskIds { get; }

    public IReadOnlyList<Dictionary<object, object>> Cases { get; }

    private static RecognizerCorpus Load()
    {
        string path = Path.Combine(DependencyRulesTests.RepoRoot(), "dialogs", "intents.yaml");
        using StreamReader reader = new(path);
        Dictionary<object, object> root = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(reader);
        var fixture = (Dictionary<object, object>)root["fixture"];

        List<TaskCandidate> tasks = [];
        Dictionary<string, long> taskIds = [];
        foreach (Dictionary<object, object> task in Maps(fixture, "tasks"))
        {
            long id = long.Parse(Text(task, "id")!, CultureInfo.InvariantCulture);
            taskIds[Text(task, "key")!] = id;
            tasks.Add(new TaskCandidate(id, Text(task, "title")!, Text(task, "title-en"), Strings(task, "aliases"), int.Parse(Text(task, "list")!, CultureInfo.InvariantCulture)));
        }

        RecognitionContext context = new(
            DateOnly.ParseExact(Text(fixture, "today")!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            tasks,
            [.. Maps(fixture, "departments").Select(Named)],
            [.. Maps(fixture, "campaigns").Select(Named)]);
        return new RecognizerCorpus(context, taskIds, [.. Maps(root, "cases")]);
    }

    private static NamedCandidate Named(Dictionary<object, object> map) =>
        new(long.Parse(Text(map, "id")!, CultureInfo.InvariantCulture), Text(map, "name")!, Text(map, "name-en"), Strings(map, "aliases"));

    private static IEnumerable<Dictionary<object, object>> Maps(Dictionary<object, object> map, string key) =>
        ((List<object>)map[key]).Cast<Dictionary<object, object>>();

    public static string? Text(Dictionary<object, object> map, string key) =>
        map.TryGetValue(key, out object? value) ? (string)value : null;

    public static IReadOnlyList<string> Strings(Dictionary<object, object> map, string key) =>
        !map.TryGetValue(key, out object? value) ? []
        : value is List<object> list ? [.. list.Cast<string>()]
        : [(string)value];
}
