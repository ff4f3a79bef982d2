using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TaskForce.Benchmarks;

/// <summary>
/// A generated roster for load: every virtual user is a linked staff member (own <c>aadObjectId</c>) who owns one
/// task with a distinct two-character name, so a report like "甲乙工程 70%" names exactly one task.
/// </summary>
internal static class BenchRoster
{
    private const string Stems = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉";
    private const string ServiceUrl = "http://127.0.0.1:9/";

    public static string AadObjectId(int user) => $"10000000-0000-0000-0000-{user:D12}";

    public static string TaskTitle(int user) =>
        string.Concat(Stems[user / Stems.Length % Stems.Length], Stems[user % Stems.Length], "工程");

    public static string Write(string directory, int users)
    {
        StringBuilder yaml = new();
        yaml.AppendLine("timeZone: Asia/Shanghai");
        yaml.AppendLine("departments:\n  - { key: bench-dept, name: 基准测试局 }");
        yaml.AppendLine("campaigns:\n  - { key: bench, name: 基准测试攻势 }");
        yaml.AppendLine("members:");
        for (int user = 0; user < users; user++)
        {
            yaml.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"  - {{ key: u{user}, name: 用户{user}, department: bench-dept, aadObjectId: {AadObjectId(user)}, roles: [{{ role: staff, campaign: bench }}] }}"));
        }

        yaml.AppendLine("tasks:");
        for (int user = 0; user < users; user++)
        {
            yaml.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"  - {{ key: T{user}, campaign: bench, title: {TaskTitle(user)}, owner: u{user}, department: bench-dept, start: 2026-01-01, deadline: 2027-12-31 }}"));
        }

        string path = Path.Combine(directory, "bench-roster.yaml");
        File.WriteAllText(path, yaml.ToString());
        return path;
    }

    /// <summary>A Teams-shaped personal message from the user, answered in the response body.</summary>
    public static JsonObject Message(int user, string text, string? activityId = null, JsonObject? value = null)
    {
        JsonObject activity = new()
        {
            ["type"] = "message",
            ["id"] = activityId ?? Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["serviceUrl"] = ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = $"29:user-{user}", ["name"] = $"user {user}", ["aadObjectId"] = AadObjectId(user) },
            ["recipient"] = new JsonObject { ["id"] = "28:bot-app-id", ["name"] = "TaskForce" },
            ["conversation"] = new JsonObject { ["id"] = $"a:user-{user}", ["conversationType"] = "personal", ["tenantId"] = "00000000-0000-0000-0000-000000000001" },
            ["text"] = text,
            ["locale"] = "zh-CN",
            ["deliveryMode"] = "expectReplies",
        };
        if (value is not null)
        {
            activity["value"] = value;
        }

        return activity;
    }

    /// <summary>One report: the progress message, then the confirmation that saves it.</summary>
    public static IReadOnlyList<string> ReportRound(int user, int round) =>
    [
        Message(user, string.Create(CultureInfo.InvariantCulture, $"{TaskTitle(user)} {(round % 99) + 1}%")).ToJsonString(),
        Message(user, "确认").ToJsonString(),
    ];
}
