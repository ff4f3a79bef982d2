using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TaskForce.Core.Roster;

/// <summary>
/// Reads a roster file into a <see cref="RosterDocument"/>, collecting every problem (with file, line and field)
/// instead of stopping at the first. Nothing here touches the database.
/// </summary>
public static class RosterParser
{
    private static readonly string[] s_memberFields =
        ["key", "name", "nameEn", "title", "department", "locale", "timeZone", "email", "aadObjectId", "roles"];

    private static readonly string[] s_sections = ["timeZone", "departments", "campaigns", "members", "tasks", "meetings", "calendar"];

    public static (RosterDocument? Document, IReadOnlyList<RosterError> Errors) Parse(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var context = new RosterParseContext(file);
        YamlMappingNode? root = Load(reader, context);
        if (root is null)
        {
            return (null, context.Errors);
        }

        YamlMap map = new(root, "", context, s_sections);
        string zone = RosterValues.TimeZone(map, "timeZone", "Asia/Shanghai");
        context.TimeZone = TimeZoneInfo.FindSystemTimeZoneById(RosterValues.IsIanaTimeZone(zone) ? zone : "Asia/Shanghai");
        CollectKeys(map, context);

        var document = new RosterDocument(
            [.. map.Items("departments", "key", "name", "nameEn", "aliases").Select(ParseDepartment)],
            [.. map.Items("campaigns", "key", "name", "nameEn", "aliases", "leadDepartment", "battles").Select(ParseCampaign)],
            [.. map.Items("members", s_memberFields).Select(ParseMember)],
            [.. map.Items("tasks", TaskSectionParser.Fields).Select(TaskSectionParser.Parse)],
            [.. map.Items("meetings", MeetingSectionParser.Fields).Select(MeetingSectionParser.Parse)],
            [.. map.Items("calendar", "date", "kind", "name").Select(ParseCalendarDay)]);
        return context.Errors.Count == 0 ? (document, context.Errors) : (null, context.Errors);
    }

    private static YamlMappingNode? Load(TextReader reader, RosterParseContext context)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(reader);
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException ex)
        {
            string message = ex.InnerException?.Message ?? ex.Message;
            context.Add((int)ex.Start.Line, "(yaml)", $"malformed YAML: {message}");
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this (not YamlException) on some unterminated flow collections.
            context.Add((int)scanner.CurrentPosition.Line, "(yaml)", $"malformed YAML: {ex.Message}");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            context.Add(1, "(yaml)", "the file must be a mapping with departments, campaigns, members, tasks, meetings and calendar");
            return null;
        }

        return root;
    }

    private static void CollectKeys(YamlMap root, RosterParseContext context)
    {
        Collect(root, "departments", "key", context.Departments, context);
        Collect(root, "campaigns", "key", context.Campaigns, context);
        Collect(root, "members", "key", context.Members, context);
        Collect(root, "tasks", "key", new HashSet<string>(StringComparer.Ordinal), context);
        Collect(root, "meetings", "key", new HashSet<string>(StringComparer.Ordinal), context);
        Collect(root, "calendar", "date", new HashSet<string>(StringComparer.Ordinal), context);
        if (root.Node("campaigns") is YamlSequenceNode campaigns)
        {
            for (int i = 0; i < campaigns.Children.Count; i++)
            {
                if (campaigns.Children[i] is YamlMappingNode campaign && Key(campaign, "key") is { } key)
                {
                    var battles = new HashSet<string>(StringComparer.Ordinal);
                    CollectFrom(Child(campaign, "battles"), "key", $"campaigns[{i}].battles", battles, context);
                    context.Battles.UnionWith(battles.Select(b => $"{key}/{b}"));
                }
            }
        }
    }

    private static void Collect(YamlMap root, string section, string keyField, HashSet<string> keys, RosterParseContext context) =>
        CollectFrom(root.Node(section), keyField, section, keys, context);

    private static void CollectFrom(YamlNode? node, string keyField, string path, HashSet<string> keys, RosterParseContext context)
    {
        if (node is not YamlSequenceNode sequence)
        {
            return;
        }

        Dictionary<string, int> firstLines = new(StringComparer.Ordinal);
        for (int i = 0; i < sequence.Children.Count; i++)
        {
            if (sequence.Children[i] is not YamlMappingNode item || Key(item, keyField) is not { } key)
            {
                continue;
            }

            YamlNode keyNode = Child(item, keyField)!;
            if (key.Any(c => char.IsWhiteSpace(c) || c == '/'))
            {
                context.Add(keyNode, $"{path}[{i}].{keyField}", $"key '{key}' may not contain spaces or '/'");
            }
            else if (!keys.Add(key))
            {
                context.Add(keyNode, $"{path}[{i}].{keyField}", $"duplicate key '{key}' (first defined on line {firstLines[key]})");
            }
            else
            {
                firstLines[key] = RosterParseContext.LineOf(keyNode);
            }
        }
    }

    private static YamlNode? Child(YamlMappingNode node, string name) =>
        node.Children.TryGetValue(new YamlScalarNode(name), out YamlNode? value) ? value : null;

    private static string? Key(YamlMappingNode node, string name) =>
        Child(node, name) is YamlScalarNode { Value: { Length: > 0 } value } ? value.Trim() : null;

    private static RosterDepartment ParseDepartment(YamlMap map) =>
        new(map.Required("key"), map.Required("name"), map.Text("nameEn"), map.TextList("aliases"));

    private static RosterCampaign ParseCampaign(YamlMap map)
    {
        string key = map.Required("key");
        return new RosterCampaign(
            key,
            map.Required("name"),
            map.Text("nameEn"),
            map.TextList("aliases"),
            Reference(map, "leadDepartment", map.Context.Departments, "department", required: false),
            [.. map.Items("battles", "key", "name", "nameEn", "leader").Select(b => new RosterBattle(
                b.Required("key"), b.Required("name"), b.Text("nameEn"), Reference(b, "leader", b.Context.Members, "member", required: false)))]);
    }

    private static RosterMember ParseMember(YamlMap map)
    {
        List<RosterRole> roles = [.. map.Items("roles", "role", "campaign").Select(ParseRole)];
        if (roles.Count == 0)
        {
            map.Error("roles", "a member needs at least one role");
        }

        foreach (string field in new[] { "email", "aadObjectId" })
        {
            if (map.Text(field) is { } id && !map.Context.AccountIds.Add($"{field}:{id}"))
            {
                map.Error(field, $"'{id}' is already used by another member");
            }
        }

        return new RosterMember(
            map.Required("key"),
            map.Required("name"),
            map.Text("nameEn"),
            map.Text("title"),
            Reference(map, "department", map.Context.Departments, "department", required: false),
            map.Text("locale") is null ? Members.Member.AutoLocale : RosterValues.OneOf(map, "locale", RosterValues.Locales, null),
            RosterValues.TimeZone(map, "timeZone", "Asia/Shanghai"),
            map.Text("email"),
            map.Text("aadObjectId"),
            roles);
    }

    private static RosterRole ParseRole(YamlMap map)
    {
        string role = RosterValues.OneOf(map, "role", RosterValues.Roles, fallback: null);
        string? campaign = Reference(map, "campaign", map.Context.Campaigns, "campaign", required: false);
        if (campaign is null && map.Node("campaign") is null && RosterValues.CampaignRoles.Contains(role, StringComparer.Ordinal))
        {
            map.Error("campaign", $"role '{role}' is held in a campaign; name it");
        }

        return new RosterRole(role, campaign);
    }

    private static RosterCalendarDay ParseCalendarDay(YamlMap map) =>
        new(RosterValues.Date(map, "date", required: true) ?? "", RosterValues.OneOf(map, "kind", RosterValues.DayKinds, null), map.Required("name"));

    internal static string? Reference(YamlMap map, string name, HashSet<string> known, string what, bool required)
    {
        string? value = required ? map.Required(name) : map.Text(name);
        if (!string.IsNullOrEmpty(value) && !known.Contains(value))
        {
            map.Error(name, $"unknown {what} '{value}'");
        }

        return string.IsNullOrEmpty(value) ? null : value;
    }
}
