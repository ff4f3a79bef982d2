namespace TaskForce.Core.Roster;

/// <summary>Reads the tasks section: dates, owners, milestones and the optional initial progress and blockers.</summary>
internal static class TaskSectionParser
{
    public static readonly string[] Fields =
    [
        "key", "campaign", "battle", "title", "titleEn", "aliases", "owner", "department", "supportingDepartments",
        "start", "deadline", "keySupervision", "milestones", "progress", "blockers",
    ];

    public static RosterTask Parse(YamlMap map)
    {
        RosterParseContext context = map.Context;
        string key = map.Required("key");
        string campaign = RosterParser.Reference(map, "campaign", context.Campaigns, "campaign", required: true) ?? "";
        string? battle = map.Text("battle");
        if (battle is not null && campaign.Length > 0 && !context.Battles.Contains($"{campaign}/{battle}"))
        {
            map.Error("battle", $"unknown battle '{battle}' in campaign '{campaign}'");
        }

        string owner = RosterParser.Reference(map, "owner", context.Members, "member", required: true) ?? "";
        string? start = RosterValues.Date(map, "start", required: true);
        string? deadline = RosterValues.Date(map, "deadline", required: true);
        if (start is not null && deadline is not null && string.CompareOrdinal(deadline, start) < 0)
        {
            map.Error("deadline", $"deadline {deadline} is before start {start}");
        }

        return new RosterTask(
            key,
            campaign,
            battle,
            map.Required("title"),
            map.Text("titleEn"),
            map.TextList("aliases"),
            owner,
            RosterParser.Reference(map, "department", context.Departments, "department", required: true) ?? "",
            Departments(map, "supportingDepartments"),
            start ?? "",
            deadline ?? "",
            map.Bool("keySupervision"),
            [.. map.Items("milestones", "title", "titleEn", "due", "done").Select(ParseMilestone)],
            map.Child("progress", "percent", "status", "at", "text", "reporter") is { } progress ? ParseProgress(progress, owner) : null,
            [.. map.Items("blockers", "key", "text", "category", "severity", "level", "raisedBy", "owner", "raisedAt", "departments")
                .Select(b => ParseBlocker(b, owner))]);
    }

    private static RosterMilestone ParseMilestone(YamlMap map) =>
        new(map.Required("title"), map.Text("titleEn"), RosterValues.Date(map, "due", required: true) ?? "", RosterValues.Date(map, "done", required: false));

    private static RosterProgress ParseProgress(YamlMap map, string owner)
    {
        int percent = map.Int("percent") ?? -1;
        if (map.Node("percent") is null)
        {
            map.Error("percent", "is required");
        }
        else if (percent is < 0 or > 100)
        {
            map.Error("percent", $"{percent} is outside 0-100");
        }

        return new RosterProgress(
            Math.Clamp(percent, 0, 100),
            RosterValues.OneOf(map, "status", RosterValues.Statuses, fallback: "in_progress"),
            ToUtc(map, "at"),
            map.Text("text") ?? "",
            RosterParser.Reference(map, "reporter", map.Context.Members, "member", required: false) ?? owner);
    }

    private static RosterBlocker ParseBlocker(YamlMap map, string owner)
    {
        string key = map.Required("key");
        if (key.Length > 0 && !map.Context.BlockerKeys.Add(key))
        {
            map.Error("key", $"duplicate blocker key '{key}'");
        }

        int level = map.Int("level") ?? 0;
        if (level is < 0 or > 2)
        {
            map.Error("level", $"{level} is outside 0-2 (0 team lead, 1 commander, 2 lead city leader)");
        }

        return new RosterBlocker(
            key,
            map.Required("text"),
            map.Text("category"),
            RosterValues.OneOf(map, "severity", RosterValues.Severities, fallback: "medium"),
            level,
            RosterParser.Reference(map, "raisedBy", map.Context.Members, "member", required: false) ?? owner,
            RosterParser.Reference(map, "owner", map.Context.Members, "member", required: false),
            ToUtc(map, "raisedAt"),
            Departments(map, "departments"));
    }

    private static IReadOnlyList<string> Departments(YamlMap map, string name)
    {
        IReadOnlyList<string> keys = map.TextList(name);
        foreach (string key in keys.Where(k => !map.Context.Departments.Contains(k)))
        {
            map.Error(name, $"unknown department '{key}'");
        }

        return keys;
    }

    private static DateTimeOffset ToUtc(YamlMap map, string name)
    {
        DateTime? local = RosterValues.LocalTime(map, name);
        if (local is null)
        {
            return DateTimeOffset.UnixEpoch;
        }

        TimeZoneInfo zone = map.Context.TimeZone;
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local.Value, zone), TimeSpan.Zero);
    }
}
