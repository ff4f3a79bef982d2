using System.Diagnostics;
using System.Globalization;

namespace TaskForce.Benchmarks;

/// <summary>
/// The connector down (connection refused) during a reminder window. Members talk to the bot through a loopback
/// fake connector, so their conversation references point at it; <c>meetings remind-now --in 0s</c> makes a
/// reminder due for each of them while the connector is stopped; after the outage it comes back on the same port.
/// Every reminder must arrive once, none twice, none left pending. The outbox backoff is shortened for the run
/// (<see cref="OutboxSettings"/>) so that delivery resumes within seconds of the connector's return.
/// </summary>
internal static class ConnectorOutageFault
{
    private const int Users = 16;
    private const string MeetingKey = "bench-meeting";
    private const string DemoJobs = "FROM Outbox WHERE IdempotencyKey LIKE 'demo:%'";

    /// <summary>
    /// Poll every second; retry after 1 s, doubling up to 5 s; no inline connector retries (the outbox owns the
    /// backoff); enough attempts to outlast the outage (about one per 5–6 s).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> OutboxSettings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Outbox__PollInterval"] = "00:00:01",
        ["Outbox__RetryBaseDelay"] = "00:00:01",
        ["Outbox__RetryMaxDelay"] = "00:00:05",
        ["Outbox__MaxAttempts"] = "100",
        ["Bot__Connector__MaxRetries"] = "0",
    };

    public static async Task RunAsync(TimeSpan down, ResultTable table, CancellationToken cancellationToken)
    {
        string directory = Path.Combine(Path.GetTempPath(), $"tf-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        await using BotInstance bot = new(directory, Path.Combine(directory, "taskforce.db"));
        string dll = await BotInstance.BotDllAsync(cancellationToken);
        await BotInstance.RunAsync("dotnet", [dll, "import", WriteRoster(directory)], bot.Environment(0), cancellationToken);

        int port = ServerProcess.FreePort();
        Dictionary<string, string> environment = bot.Environment(port);
        foreach ((string key, string value) in OutboxSettings)
        {
            environment[key] = value;
        }

        await using FakeConnectorServer connector = new(ServerProcess.FreePort());
        await connector.StartAsync(cancellationToken);
        await using ServerProcess server = await ServerProcess.StartAsync(dll, [], environment, port, cancellationToken);
        using HttpClient client = new() { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await Task.WhenAll(Enumerable.Range(0, Users).Select(user =>
        {
            var message = BenchRoster.Message(user, "帮助");
            message["serviceUrl"] = connector.ServiceUrl;
            return LoadClient.PostAsync(client, message.ToJsonString(), cancellationToken);
        }));
        long reachable = await bot.ScalarAsync("SELECT COUNT(DISTINCT MemberId) FROM ConversationReferences WHERE MemberId IS NOT NULL", cancellationToken);

        Console.WriteLine($"faults connector down: connector stopped for {down.TotalSeconds:0} s, reminders due now for {reachable} members ...");
        await connector.StopAsync(cancellationToken);
        Stopwatch outage = Stopwatch.StartNew();
        await BotInstance.RunAsync("dotnet", [dll, "meetings", "remind-now", MeetingKey, "--in", "0s"], bot.Environment(0), cancellationToken);
        long due = await bot.ScalarAsync("SELECT COUNT(*) " + DemoJobs, cancellationToken);
        await Task.Delay(down - outage.Elapsed, cancellationToken);
        long attemptsDuringOutage = await bot.ScalarAsync("SELECT COALESCE(SUM(Attempts), 0) " + DemoJobs, cancellationToken);

        await connector.StartAsync(cancellationToken);
        DateTimeOffset back = DateTimeOffset.UtcNow;
        Stopwatch recovery = Stopwatch.StartNew();
        while (recovery.Elapsed < TimeSpan.FromMinutes(2)
            && await bot.ScalarAsync("SELECT COUNT(*) " + DemoJobs + " AND State IN ('pending', 'retrying')", cancellationToken) > 0)
        {
            await Task.Delay(250, cancellationToken);
        }

        // Anything sent twice would arrive within a few more dispatcher ticks.
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        IReadOnlyList<(string ConversationId, DateTimeOffset At)> posts = connector.Posts;
        int delivered = posts.Select(post => post.ConversationId).Distinct(StringComparer.Ordinal).Count();
        int twice = posts.GroupBy(post => post.ConversationId, StringComparer.Ordinal).Count(group => group.Count() > 1);
        long sent = await bot.ScalarAsync("SELECT COUNT(*) " + DemoJobs + " AND State = 'sent'", cancellationToken);
        long pending = await bot.ScalarAsync("SELECT COUNT(*) " + DemoJobs + " AND State IN ('pending', 'retrying')", cancellationToken);
        long otherSent = await bot.ScalarAsync("SELECT COUNT(*) FROM Outbox WHERE IdempotencyKey NOT LIKE 'demo:%' AND State = 'sent'", cancellationToken);
        double lastAfter = posts.Count == 0 ? double.NaN : (posts.Max(post => post.At) - back).TotalSeconds;

        string label = string.Create(CultureInfo.InvariantCulture, $"faults connector down {down.TotalSeconds:0} s");
        table.Info($"{label}: reminders due during the outage / delivery attempts refused", $"{due} / {attemptsDuringOutage}");
        table.Check($"{label}: reminders delivered after recovery", $"{delivered} / {due}", "all", delivered == due && due == reachable && due > 0);
        table.Info($"{label}: last delivery after recovery, s", ResultTable.Format(lastAfter, "0.0"));
        table.Check($"{label}: reminders delivered twice", twice.ToString(CultureInfo.InvariantCulture), "0", twice == 0);
        table.Check($"{label}: reminders still pending (outbox sent / other jobs sent)", string.Create(CultureInfo.InvariantCulture, $"{pending} ({sent} / {otherSent})"), "0",
            pending == 0 && sent == due);
    }

    /// <summary>The generated roster plus a daily meeting of all staff about three hours from now.</summary>
    private static string WriteRoster(string directory)
    {
        string path = BenchRoster.Write(directory, Users);
        TimeZoneInfo shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        DateTime start = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddHours(3), shanghai).DateTime;
        File.AppendAllText(path, string.Create(CultureInfo.InvariantCulture, $$"""
            meetings:
              - { key: {{MeetingKey}}, campaign: bench, title: 基准测试调度会, rrule: "FREQ=DAILY", start: "{{start:yyyy-MM-ddTHH:mm}}", timeZone: Asia/Shanghai, durationMinutes: 60, holidayPolicy: keep, reminderOffsets: [30], attendees: [{ role: staff }] }

            """));
        return path;
    }
}
