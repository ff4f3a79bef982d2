namespace TaskForce.Core.Roster;

/// <summary>Reads the meetings section: recurrence, time zone, reminders and attendees.</summary>
internal static class MeetingSectionParser
{
    public static readonly string[] Fields =
    [
        "key", "campaign", "title", "titleEn", "rrule", "start", "timeZone", "durationMinutes", "location",
        "holidayPolicy", "reminderOffsets", "attendees",
    ];

    public static RosterMeeting Parse(YamlMap map)
    {
        RosterParseContext context = map.Context;
        int duration = map.Int("durationMinutes") ?? 60;
        if (duration <= 0)
        {
            map.Error("durationMinutes", $"{duration} must be positive");
        }

        string start = RosterValues.LocalTime(map, "start") is { } local
            ? local.ToString(RosterValues.LocalTimeFormat, System.Globalization.CultureInfo.InvariantCulture)
            : "";
        return new RosterMeeting(
            map.Required("key"),
            RosterParser.Reference(map, "campaign", context.Campaigns, "campaign", required: true) ?? "",
            map.Required("title"),
            map.Text("titleEn"),
            RosterValues.RRule(map, "rrule") ?? "",
            start,
            RosterValues.TimeZone(map, "timeZone", "Asia/Shanghai"),
            duration,
            map.Text("location"),
            RosterValues.OneOf(map, "holidayPolicy", RosterValues.HolidayPolicies, fallback: "skip"),
            ReminderOffsets(map),
            [.. map.Items("attendees", "member", "role").Select(ParseAttendee)]);
    }

    private static List<int> ReminderOffsets(YamlMap map)
    {
        if (map.Node("reminderOffsets") is null)
        {
            return [1440, 30];
        }

        List<int> offsets = [];
        foreach (string value in map.TextList("reminderOffsets"))
        {
            if (int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out int minutes) && minutes > 0)
            {
                offsets.Add(minutes);
            }
            else
            {
                map.Error("reminderOffsets", $"'{value}' is not a positive number of minutes");
            }
        }

        return offsets;
    }

    private static RosterAttendee ParseAttendee(YamlMap map)
    {
        string? member = RosterParser.Reference(map, "member", map.Context.Members, "member", required: false);
        string? role = map.Node("role") is null ? null : RosterValues.OneOf(map, "role", RosterValues.Roles, fallback: null);
        if ((map.Node("member") is null) == (map.Node("role") is null))
        {
            map.Error("member", "an attendee names either a member or a role, not both");
        }

        return new RosterAttendee(member, role);
    }
}
