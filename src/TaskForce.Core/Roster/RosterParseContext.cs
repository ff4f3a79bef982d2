using YamlDotNet.RepresentationModel;

namespace TaskForce.Core.Roster;

/// <summary>What the parser knows while it reads one file: the errors so far and every key the file defines.</summary>
internal sealed class RosterParseContext(string file)
{
    private readonly List<RosterError> _errors = [];

    public string File => file;

    public IReadOnlyList<RosterError> Errors => _errors;

    public HashSet<string> Departments { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Campaigns { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Battle keys as "campaign/battle".</summary>
    public HashSet<string> Battles { get; } = new(StringComparer.Ordinal);

    public HashSet<string> BlockerKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>Emails and AAD object ids already used by a member: an account must identify one member only.</summary>
    public HashSet<string> AccountIds { get; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    public void Add(YamlNode? node, string field, string message) => Add(LineOf(node), field, message);

    public void Add(int line, string field, string message) => _errors.Add(new RosterError(file, line, field, message));

    public YamlMap? Map(YamlNode node, string path, params string[] fields)
    {
        if (node is YamlMappingNode mapping)
        {
            return new YamlMap(mapping, path, this, fields);
        }

        Add(node, path, "expected a mapping (field: value)");
        return null;
    }

    public static int LineOf(YamlNode? node) => node is null ? 1 : (int)node.Start.Line;
}
