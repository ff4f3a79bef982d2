using System.Globalization;
using TaskForce.Core.Meetings;
using YamlDotNet.RepresentationModel;

namespace TaskForce.Core.Roster;

/// <summary>Reads the meetings section: recurrence, time zone, reminders and attendees.</summary>
internal static class MeetingSectionParser
{
    public static readonly string[] Fields =
    [
        "key", "campaign", "title", "titleEn", "rrule", "start", "timeZone", "durationMinutes", "location",
        "holidayPolicy", "reminderOffsets", "attendees", "cancelled", "exceptions",
    ];

    public static RosterMeeting Parse(YamlMap map)
    {
        RosterParseContext context = map.Context;
        int duration = map.Int("durationMinutes") ?? 60;
        if (duration <= 0)
        {
            map.Error("durationMinutes", $"{duration} must be positive");
        }

        DateTime? startLocal = RosterValues.LocalTime(map, "start");
        string start = startLocal is { } local
            ? local.ToString(RosterValues.LocalTimeFormat, CultureInfo.InvariantCulture)
            : "";
        string? rrule = RosterValues.RRule(map, "rrule");
        return new RosterMeeting(
            map.Required("key"),
            RosterParser.Reference(map, "campaign", context.Campaigns, "campaign", required: true) ?? "",
            map.Required("title"),
            map.Text("titleEn"),
            rrule ?? "",
            start,
            RosterValues.TimeZone(map, "timeZone", "Asia/Shanghai"),
            duration,
            map.Text("location"),
            RosterValues.OneOf(map, "holidayPolicy", RosterValues.HolidayPolicies, fallback: "skip"),
            ReminderOffsets(map),
            [.. map.Items("attendees", "member", "role").Select(ParseAttendee)],
            map.Bool("cancelled"),
            Exceptions(map, rrule, startLocal));
    }

    /// <summary>
    /// Occurrence dates that do not take place (EXDATE): each must be a date the RRULE produces from the start, so a typo
    /// cannot silently cancel nothing. The rule is checked only when the rule and start themselves are valid.
    /// </summary>
    private static List<string> Exceptions(YamlMap map, string? rrule, DateTime? startLocal)
    {
        List<string> dates = [];
        YamlNode? node = map.Node("exceptions");
        IReadOnlyList<YamlNode> items = node switch
        {
            null or YamlScalarNode { Value: null or "" } => [],
            YamlSequenceNode sequence => [.. sequence.Children],
            _ => [node],
        };
        for (int i = 0; i < items.Count; i++)
        {
            string field = node is YamlSequenceNode ? map.Field($"exceptions[{i}]") : map.Field("exceptions");
            int line = RosterParseContext.LineOf(items[i]);
            if (items[i] is not YamlScalarNode { Value: { } text })
            {
                map.Context.Add(line, field, $"expected a date in the form {RosterValues.DateFormat}");
                continue;
            }

            string value = text.Trim();
            if (!DateOnly.TryParseExact(value, RosterValues.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
            {
                map.Context.Add(line, field, $"'{value}' is not a date in the form {RosterValues.DateFormat}");
            }
            else if (dates.Contains(value, StringComparer.Ordinal))
            {
                map.Context.Add(line, field, $"{value} is listed twice");
            }
            else if (rrule is not null && startLocal is { } first && !MeetingSchedule.IsRuleDate(rrule, first, date))
            {
                map.Context.Add(line, field, $"{value} is not an occurrence of '{rrule}' starting {first.ToString(RosterValues.LocalTimeFormat, CultureInfo.InvariantCulture)}");
            }
            else
            {
                dates.Add(value);
            }
        }

        dates.Sort(StringComparer.Ordinal);
        return dates;
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
            if (int.TryParse(value, CultureInfo.InvariantCulture, out int minutes) && minutes > 0)
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
