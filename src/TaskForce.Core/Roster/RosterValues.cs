using System.Globalization;
using Ical.Net.DataTypes;

namespace TaskForce.Core.Roster;

/// <summary>The closed vocabularies and value formats of a roster file, checked field by field.</summary>
internal static class RosterValues
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string LocalTimeFormat = "yyyy-MM-ddTHH:mm";

    public static readonly string[] Roles = ["staff", "team_lead", "commander", "city_leader", "supervisor", "admin"];
    public static readonly string[] CampaignRoles = ["staff", "team_lead", "commander"];
    public static readonly string[] Statuses = ["not_started", "in_progress", "on_track", "behind", "done"];
    public static readonly string[] Severities = ["low", "medium", "high", "critical"];
    public static readonly string[] HolidayPolicies = ["skip", "next_workday", "keep"];
    public static readonly string[] DayKinds = ["holiday", "workday"];
    public static readonly string[] Locales = ["zh-CN", "en-US"];

    public static string? Date(YamlMap map, string name, bool required)
    {
        string? value = required ? map.Required(name) : map.Text(name);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return value;
        }

        map.Error(name, $"'{value}' is not a date in the form {DateFormat}");
        return null;
    }

    public static DateTime? LocalTime(YamlMap map, string name)
    {
        string value = map.Required(name);
        if (value.Length == 0)
        {
            return null;
        }

        if (DateTime.TryParseExact(value, LocalTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime result))
        {
            return result;
        }

        map.Error(name, $"'{value}' is not a local time in the form {LocalTimeFormat}");
        return null;
    }

    public static string OneOf(YamlMap map, string name, string[] allowed, string? fallback)
    {
        string? value = fallback is null ? map.Required(name) : map.Text(name) ?? fallback;
        if (value.Length > 0 && !allowed.Contains(value, StringComparer.Ordinal))
        {
            map.Error(name, $"'{value}' is not one of: {string.Join(", ", allowed)}");
        }

        return value;
    }

    public static string TimeZone(YamlMap map, string name, string fallback)
    {
        string value = map.Text(name) ?? fallback;
        if (!IsIanaTimeZone(value))
        {
            map.Error(name, $"'{value}' is not a known IANA time zone");
        }

        return value;
    }

    public static bool IsIanaTimeZone(string id) =>
        (id == "UTC" || id.Contains('/', StringComparison.Ordinal)) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    public static string? RRule(YamlMap map, string name)
    {
        string value = map.Required(name);
        if (value.Length == 0)
        {
            return null;
        }

        string? problem = CheckRRule(value);
        if (problem is not null)
        {
            map.Error(name, $"'{value}' is not a valid RRULE: {problem}");
            return null;
        }

        return value;
    }

    private static string? CheckRRule(string value)
    {
        if (!value.Contains("FREQ=", StringComparison.OrdinalIgnoreCase))
        {
            return "FREQ is missing";
        }

        try
        {
            var pattern = new RecurrencePattern(value);
            return pattern.Interval < 1 ? "INTERVAL must be positive" : null;
        }
#pragma warning disable CA1031 // Ical.Net reports a bad rule through several exception types; each one means "invalid".
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex.Message;
        }
    }
}
