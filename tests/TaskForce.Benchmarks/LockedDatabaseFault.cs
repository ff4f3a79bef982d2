using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Benchmarks;

/// <summary>
/// The database file locked by another process for 5 s while every member streams reports. Turns must wait or
/// answer with the busy reply (common.busy-retry), never 5xx, and nothing may be half-written. Run twice: with the
/// bot's default wait for the lock (Storage:BusyTimeout 10 s, longer than the lock) and with a 1 s wait, where
/// members who get the busy reply send the same activity again, as the reply asks.
/// </summary>
internal static class LockedDatabaseFault
{
    private const int Users = 16;
    private const string HalfWrittenSql = """
        SELECT COUNT(*) FROM Tasks t
        WHERE t.LatestReportId IS NOT (SELECT MAX(r.Id) FROM Reports r WHERE r.TaskId = t.Id)
           OR t.LatestPercent IS NOT (SELECT r.Percent FROM Reports r WHERE r.Id = t.LatestReportId)
        """;

    private static readonly TimeSpan s_lockAfter = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_lockFor = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_loadFor = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(ResultTable table, CancellationToken cancellationToken)
    {
        TextCatalog texts = TextCatalog.LoadDirectory(Path.Combine(BotInstance.RepoRoot(), "dialogs"));
        string busy = texts.Get(new TextKey("common", "busy-retry"), Locales.Chinese);
        string saved = texts.Get(new TextKey("report-progress", "saved"), Locales.Chinese);
        saved = saved[..saved.IndexOf('{', StringComparison.Ordinal)];
        await RunVariantAsync("bot waits 10 s", _ => [], busy, saved, table, cancellationToken);
        await RunVariantAsync("bot waits 1 s", bot => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // busy_timeout, and Microsoft.Data.Sqlite's own retry of a busy statement (Default Timeout, in seconds).
            ["Storage__BusyTimeout"] = "00:00:01",
            ["Storage__ConnectionString"] = $"Data Source={bot.DatabasePath};Default Timeout=1",
        }, busy, saved, table, cancellationToken);
    }

    private sealed class Counters
    {
        public int Sent;
        public int Ok;
        public int Busy;
        public int ServerError;
        public int Other;
        public long LongestTicks;
        public readonly ConcurrentBag<(int User, int Percent)> Acknowledged = [];
    }

    private static async Task RunVariantAsync(
        string name, Func<BotInstance, Dictionary<string, string>> settings, string busyText, string savedPrefix, ResultTable table, CancellationToken cancellationToken)
    {
        await using BotInstance bot = await BotInstance.CreateAsync(Users, cancellationToken);
        int port = ServerProcess.FreePort();
        Dictionary<string, string> environment = bot.Environment(port);
        foreach ((string key, string value) in settings(bot))
        {
            environment[key] = value;
        }

        await using ServerProcess server = await ServerProcess.StartAsync(await BotInstance.BotDllAsync(cancellationToken), [], environment, port, cancellationToken);
        using SocketsHttpHandler handler = new() { MaxConnectionsPerServer = Users + 4 };
        using HttpClient client = new(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(90) };
        Counters warmUp = new();
        await Task.WhenAll(Enumerable.Range(0, Users).Select(user => ReportAsync(client, user, 0, busyText, savedPrefix, warmUp, cancellationToken)));

        Console.WriteLine($"faults db locked ({name}): {Users} members reporting, the file locked by another process for {s_lockFor.TotalSeconds:0} s ...");
        Counters counters = new();
        Stopwatch clock = Stopwatch.StartNew();
        Task load = Task.WhenAll(Enumerable.Range(0, Users).Select(user => Task.Run(async () =>
        {
            for (int round = 1; clock.Elapsed < s_loadFor; round++)
            {
                await ReportAsync(client, user, round, busyText, savedPrefix, counters, cancellationToken);
            }
        }, cancellationToken)));
        await Task.Delay(s_lockAfter, cancellationToken);
        LockHolder.Outcome locked = await LockHolder.LockWhilePollingAsync(bot.DatabasePath, s_lockFor, server.BaseAddress, cancellationToken);
        await load;
        int healthAfter = await LockHolder.HealthAsync(client, cancellationToken);

        // Every member reports once more: a dialog left half-way (stuck state) would not save it.
        Counters after = new();
        await Task.WhenAll(Enumerable.Range(0, Users).Select(user => ReportAsync(client, user, 98, busyText, savedPrefix, after, cancellationToken)));
        foreach ((int User, int Percent) ack in after.Acknowledged)
        {
            counters.Acknowledged.Add(ack);
        }

        Dictionary<(int, int), long> found = await FaultBenchmark.ReportCountsAsync(bot, cancellationToken);
        foreach ((int User, int Percent) ack in warmUp.Acknowledged)
        {
            found.Remove(ack);
        }

        int lost = counters.Acknowledged.Distinct().Count(ack => !found.ContainsKey(ack));
        int twice = found.Values.Count(count => count > 1);
        long halfWritten = await bot.ScalarAsync(HalfWrittenSql, cancellationToken);
        string label = $"faults db locked 5 s ({name})";
        table.Info($"{label}: turns sent (answered 200 / of those the busy reply / 5xx / other)",
            string.Create(CultureInfo.InvariantCulture, $"{counters.Sent} ({counters.Ok} / {counters.Busy} / {counters.ServerError} / {counters.Other})"));
        table.Check($"{label}: turns answered 5xx or not at all", (counters.ServerError + counters.Other).ToString(CultureInfo.InvariantCulture), "0",
            counters.ServerError + counters.Other == 0);
        table.Info($"{label}: longest turn s, lock held s", string.Create(CultureInfo.InvariantCulture,
            $"{TimeSpan.FromTicks(counters.LongestTicks).TotalSeconds:0.0}, {locked.Held.TotalSeconds:0.0}"));
        table.Info($"{label}: reports acknowledged / in database", $"{counters.Acknowledged.Distinct().Count()} / {found.Values.Sum()}");
        table.Check($"{label}: acknowledged reports lost", lost.ToString(CultureInfo.InvariantCulture), "0", lost == 0);
        table.Check($"{label}: reports stored twice", twice.ToString(CultureInfo.InvariantCulture), "0", twice == 0);
        table.Check($"{label}: tasks whose Latest* disagree with their reports", halfWritten.ToString(CultureInfo.InvariantCulture), "0", halfWritten == 0);
        table.Check($"{label}: members reporting normally afterwards", $"{after.Acknowledged.Count} / {Users}", $"{Users} / {Users}", after.Acknowledged.Count == Users);
        table.Check($"{label}: /healthz 200 during (polls) / after", $"{locked.HealthOk}/{locked.HealthPolls} / {healthAfter}", "all / 200",
            locked.HealthOk == locked.HealthPolls && healthAfter == 200);
    }

    /// <summary>One report (message, then confirm); acknowledged when the confirm is answered with the saved reply.</summary>
    private static async Task ReportAsync(
        HttpClient client, int user, int round, string busyText, string savedPrefix, Counters counters, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> bodies = BenchRoster.ReportRound(user, round);
        if (await SendAsync(client, bodies[0], busyText, counters, cancellationToken) is null)
        {
            return;
        }

        IReadOnlyList<string>? replies = await SendAsync(client, bodies[1], busyText, counters, cancellationToken);
        if (replies?.Any(text => text.StartsWith(savedPrefix, StringComparison.Ordinal)) == true)
        {
            counters.Acknowledged.Add((user, (round % 99) + 1));
        }
    }

    /// <summary>Posts one activity; on the busy reply the member sends the very same activity (same id) again.</summary>
    private static async Task<IReadOnlyList<string>?> SendAsync(HttpClient client, string body, string busyText, Counters counters, CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < 30; attempt++)
        {
            Interlocked.Increment(ref counters.Sent);
            long started = Stopwatch.GetTimestamp();
            (int status, IReadOnlyList<string> replies) = await PostAsync(client, body, cancellationToken);
            long ticks = Stopwatch.GetElapsedTime(started).Ticks;
            long longest;
            while (ticks > (longest = Interlocked.Read(ref counters.LongestTicks))
                && Interlocked.CompareExchange(ref counters.LongestTicks, ticks, longest) != longest)
            {
            }

            if (status != 200)
            {
                Interlocked.Increment(ref status >= 500 ? ref counters.ServerError : ref counters.Other);
                Console.WriteLine($"faults db locked: a turn was answered {status}");
                return null;
            }

            Interlocked.Increment(ref counters.Ok);
            if (!replies.Contains(busyText))
            {
                return replies;
            }

            Interlocked.Increment(ref counters.Busy);
            await Task.Delay(500, cancellationToken);
        }

        return null;
    }

    private static async Task<(int Status, IReadOnlyList<string> Replies)> PostAsync(HttpClient client, string body, CancellationToken cancellationToken)
    {
        using StringContent content = new(body, Encoding.UTF8, "application/json");
        try
        {
            using HttpResponseMessage response = await client.PostAsync(new Uri("api/messages", UriKind.Relative), content, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return ((int)response.StatusCode, []);
            }

            using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return (200, [.. document.RootElement.GetProperty("activities").EnumerateArray()
                .Select(activity => activity.TryGetProperty("text", out JsonElement text) ? text.GetString() ?? string.Empty
                    : activity.TryGetProperty("summary", out JsonElement summary) ? summary.GetString() ?? string.Empty : string.Empty)]);
        }
        catch (HttpRequestException)
        {
            return (0, []);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (0, []);
        }
    }
}
