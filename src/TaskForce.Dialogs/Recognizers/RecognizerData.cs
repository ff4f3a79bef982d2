using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace TaskForce.Dialogs.Recognizers;

/// <summary>Reads the recognizer's embedded data files (word lists, tables, patterns).</summary>
internal static class RecognizerData
{
    private const string Prefix = "TaskForce.Dialogs.Recognizers.Data.";
    public const RegexOptions PatternOptions = RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    public static IEnumerable<string> Lines(string name)
    {
        using StreamReader reader = new(Open(name));
        while (reader.ReadLine() is { } line)
        {
            string trimmed = line.Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#')
            {
                yield return trimmed;
            }
        }
    }

    public static Dictionary<object, object> Yaml(string name)
    {
        using StreamReader reader = new(Open(name));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(reader);
    }

    public static Dictionary<object, object> Map(Dictionary<object, object> map, string key) =>
        map.TryGetValue(key, out object? value) && value is Dictionary<object, object> child ? child : [];

    public static IReadOnlyList<object> List(Dictionary<object, object> map, string key) =>
        map.TryGetValue(key, out object? value) && value is List<object> list ? list : [];

    public static string[] Strings(Dictionary<object, object> map, string key) =>
        [.. List(map, key).Select(Text)];

    public static string Text(object? value) =>
        value as string ?? throw new InvalidDataException($"Expected a text value, found {value?.GetType().Name ?? "nothing"}.");

    public static string? OptionalText(Dictionary<object, object> map, string key) =>
        map.TryGetValue(key, out object? value) ? Text(value) : null;

    public static int Int(object value) => int.Parse(Text(value), CultureInfo.InvariantCulture);

    /// <summary>Key/value pairs of a map as lower-case text.</summary>
    public static IEnumerable<(string Key, string Value)> Pairs(Dictionary<object, object> map) =>
        map.Select(p => (Text(p.Key).ToLowerInvariant(), Text(p.Value)));

    /// <summary>Joins patterns into one regex; each becomes the group g0, g1, … so the caller can tell which matched.</summary>
    public static Regex Alternation(IEnumerable<string> patterns, RegexOptions options = PatternOptions) =>
        new(string.Join('|', patterns.Select((p, i) => $"(?<g{i}>{p})")), options);

    public static Regex Pattern(IEnumerable<string> patterns) =>
        new(string.Join('|', patterns.Select(p => $"(?:{p})")), PatternOptions);

    /// <summary>The group numbers of the alternatives g0, g1, … of an <see cref="Alternation"/>.</summary>
    public static int[] AlternativeGroups(Regex regex, int count) =>
        [.. Enumerable.Range(0, count).Select(i => regex.GroupNumberFromName("g" + i.ToString(CultureInfo.InvariantCulture)))];

    /// <summary>Index of the alternative of <see cref="Alternation"/> that matched, given <see cref="AlternativeGroups"/>.</summary>
    public static int Alternative(Match match, int[] groups)
    {
        for (int i = 0; i < groups.Length; i++)
        {
            if (match.Groups[groups[i]].Success)
            {
                return i;
            }
        }

        return -1;
    }

    private static Stream Open(string name) =>
        typeof(RecognizerData).Assembly.GetManifestResourceStream(Prefix + name)
        ?? throw new InvalidOperationException($"The embedded resource {Prefix + name} is missing.");
}
