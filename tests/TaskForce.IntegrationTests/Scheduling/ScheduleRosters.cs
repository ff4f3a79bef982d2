using System.Globalization;
using System.Text;

namespace TaskForce.IntegrationTests.Scheduling;

/// <summary>Roster YAML for the scheduler scenarios: two campaigns, members <c>m01…mNN</c> and the meetings a test names.</summary>
internal static class ScheduleRosters
{
    /// <summary>What each member says first, so the bot captures their conversation (a help request: no side effects).</summary>
    public const string Hello = "帮助";

    public const string OceanWeekly = "海洋攻势周调度会";
    public const string CityWeekly = "城市更新攻势周例会";
    public const string OceanMonthly = "海洋攻势月度总部会议";

    private const string Header = """
        departments:
          - { key: bureau, name: 市海洋发展局, nameEn: Ocean Development Bureau }
        campaigns:
          - { key: ocean, name: 经略海洋攻势, nameEn: Ocean Offensive }
          - { key: city, name: 城市更新攻势, nameEn: City Renewal Offensive }
        """;

    public static string Aad(string memberKey) => "aad-" + memberKey;

    public static string Key(int number) => string.Create(CultureInfo.InvariantCulture, $"m{number:00}");

    /// <summary>Keys m{from}…m{to}, inclusive.</summary>
    public static string[] Keys(int from, int to) => [.. Enumerable.Range(from, to - from + 1).Select(Key)];

    public static string Role(string role, string campaign) => $"{{ role: {role}, campaign: {campaign} }}";

    public static string Member(string key, params string[] roles) =>
        $"  - {{ key: {key}, name: 成员{key}, nameEn: Member {key}, department: bureau, aadObjectId: {Aad(key)}, roles: [{string.Join(", ", roles)}] }}";

    /// <summary>Staff of the ocean campaign, one line each.</summary>
    public static IEnumerable<string> Staff(IEnumerable<string> keys) => keys.Select(key => Member(key, Role("staff", "ocean")));

    public static string MemberAttendee(string key) => $"{{ member: {key} }}";

    public static string RoleAttendee(string role) => $"{{ role: {role} }}";

    public static string Meeting(
        string key, string campaign, string title, string rrule, string start, IEnumerable<string> attendees,
        string offsets = "[1440, 30]", string holidayPolicy = "skip") =>
        $"""
          - key: {key}
            campaign: {campaign}
            title: {title}
            rrule: {rrule}
            start: {start}
            location: 市政府301会议室
            holidayPolicy: {holidayPolicy}
            reminderOffsets: {offsets}
            attendees: [{string.Join(", ", attendees)}]
        """;

    public static string CalendarDay(string date, string kind) => $"  - {{ date: {date}, kind: {kind}, name: {kind}-{date} }}";

    /// <summary>The whole roster; <paramref name="tasks"/> is an optional raw <c>tasks:</c> section.</summary>
    public static string Build(IEnumerable<string> members, IEnumerable<string> meetings, IEnumerable<string>? calendar = null, string? tasks = null)
    {
        var yaml = new StringBuilder(Header).Append('\n');
        yaml.Append("members:\n");
        foreach (string member in members)
        {
            yaml.Append(member).Append('\n');
        }

        string[] meetingList = [.. meetings];
        if (meetingList.Length > 0)
        {
            yaml.Append("meetings:\n");
            foreach (string meeting in meetingList)
            {
                yaml.Append(meeting).Append('\n');
            }
        }

        string[] days = [.. calendar ?? []];
        if (days.Length > 0)
        {
            yaml.Append("calendar:\n");
            foreach (string day in days)
            {
                yaml.Append(day).Append('\n');
            }
        }

        if (tasks is not null)
        {
            yaml.Append(tasks).Append('\n');
        }

        return yaml.ToString();
    }
}
