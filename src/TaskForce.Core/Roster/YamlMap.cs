using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace TaskForce.Core.Roster;

/// <summary>Typed reads of one YAML mapping; every problem is recorded with the line of the offending node.</summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly RosterParseContext _context;

    public YamlMap(YamlMappingNode node, string path, RosterParseContext context, string[] fields)
    {
        _node = node;
        _context = context;
        Path = path;
        foreach ((YamlNode key, _) in node.Children)
        {
            string name = key is YamlScalarNode scalar ? scalar.Value ?? "" : "";
            if (!fields.Contains(name, StringComparer.Ordinal))
            {
                context.Add(key, Field(name), "unknown field");
            }
        }
    }

    public string Path { get; }

    public int Line => RosterParseContext.LineOf(_node);

    public RosterParseContext Context => _context;

    public string Field(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    public YamlNode? Node(string name) =>
        _node.Children.TryGetValue(new YamlScalarNode(name), out YamlNode? value) ? value : null;

    public int LineOf(string name) => Node(name) is { } value ? RosterParseContext.LineOf(value) : Line;

    public void Error(string name, string message) => _context.Add(LineOf(name), Field(name), message);

    public string? Text(string name)
    {
        YamlNode? value = Node(name);
        if (value is null)
        {
            return null;
        }

        if (value is YamlScalarNode scalar)
        {
            return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
        }

        Error(name, "expected a single value");
        return null;
    }

    public string Required(string name)
    {
        string? value = Text(name);
        if (value is null && Node(name) is null or YamlScalarNode)
        {
            Error(name, "is required");
        }

        return value ?? "";
    }

    public IReadOnlyList<string> TextList(string name)
    {
        YamlNode? value = Node(name);
        switch (value)
        {
            case null:
                return [];
            case YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value):
                return [scalar.Value.Trim()];
            case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                return [.. sequence.Children.Cast<YamlScalarNode>().Select(c => c.Value?.Trim() ?? "").Where(v => v.Length > 0)];
            default:
                Error(name, "expected a list of values");
                return [];
        }
    }

    public int? Int(string name)
    {
        string? value = Text(name);
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int result))
        {
            return result;
        }

        Error(name, $"'{value}' is not a whole number");
        return null;
    }

    public bool Bool(string name)
    {
        string? value = Text(name);
        if (value is null)
        {
            return false;
        }

        if (bool.TryParse(value, out bool result))
        {
            return result;
        }

        Error(name, $"'{value}' is not true or false");
        return false;
    }

    public IEnumerable<YamlMap> Items(string name, params string[] fields)
    {
        YamlNode? value = Node(name);
        if (value is null)
        {
            yield break;
        }

        if (value is not YamlSequenceNode sequence)
        {
            Error(name, "expected a list");
            yield break;
        }

        for (int i = 0; i < sequence.Children.Count; i++)
        {
            if (_context.Map(sequence.Children[i], $"{Field(name)}[{i}]", fields) is { } item)
            {
                yield return item;
            }
        }
    }

    public YamlMap? Child(string name, params string[] fields) =>
        Node(name) is { } value ? _context.Map(value, Field(name), fields) : null;
}
