using System.Collections.Concurrent;
using System.Globalization;
using System.Net;

namespace TaskForce.Benchmarks;

/// <summary>
/// What the bot survives, each against the real bot as a separate process: <c>kill -9</c> during a stream of
/// reports, every activity sent twice, a corpus of hostile requests, the database locked by another process,
/// and the connector down during a reminder window.
/// </summary>
internal static class FaultBenchmark
{
    private const int Users = 16;

    public static async Task RunAsync(BenchmarkSettings settings, TimeSpan connectorDown, ResultTable table, CancellationToken cancellationToken)
    {
        await using (BotInstance bot = await BotInstance.CreateAsync(Users, cancellationToken))
        {
            await bot.StartAsync(cancellationToken);
            await KillAsync(bot, settings, table, cancellationToken);
            await DuplicatesAsync(bot, table, cancellationToken);
            await HostileRequests.RunAsync(bot.Server!, table, cancellationToken);
        }

        await LockedDatabaseFault.RunAsync(table, cancellationToken);
        await ConnectorOutageFault.RunAsync(connectorDown, table, cancellationToken);
    }

    /// <summary>Reports stream in from every user; the bot is killed with SIGKILL mid-stream, then restarted.</summary>
    private static async Task KillAsync(BotInstance bot, BenchmarkSettings settings, ResultTable table, CancellationToken cancellationToken)
    {
        ServerProcess server = bot.Server!;
        using HttpClient client = new() { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        ConcurrentBag<(int User, int Percent)> acknowledged = [];
        int sent = 0;
        using CancellationTokenSource stop = new();
        Task[] loops = [.. Enumerable.Range(0, Users).Select(user => Task.Run(async () =>
        {
            for (int round = 0; !stop.IsCancellationRequested; round++)
            {
                IReadOnlyList<string> bodies = BenchRoster.ReportRound(user, round);
                Interlocked.Increment(ref sent);
                if (await LoadClient.PostAsync(client, bodies[0], CancellationToken.None) != HttpStatusCode.OK
                    || await LoadClient.PostAsync(client, bodies[1], CancellationToken.None) != HttpStatusCode.OK)
                {
                    return;
                }

                acknowledged.Add((user, (round % 99) + 1));
            }
        }, CancellationToken.None))];
        // Kill mid-stream, but only once reports are being acknowledged: on a loaded machine the first seconds can
        // pass before any confirm turn answers, and a kill then proves nothing.
        await Task.Delay(TimeSpan.FromSeconds(Math.Min(3, settings.Duration.TotalSeconds)), cancellationToken);
        DateTime giveUp = DateTime.UtcNow.AddSeconds(60);
        while (acknowledged.Count < 2 * Users && DateTime.UtcNow < giveUp)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        int acknowledgedBeforeKill = acknowledged.Count;
        await server.KillHardAsync();
        await stop.CancelAsync();
        await Task.WhenAll(loops);
        await bot.StartAsync(cancellationToken);

        Dictionary<(int, int), long> found = await ReportCountsAsync(bot, cancellationToken);
        int lost = acknowledged.Count(ack => !found.ContainsKey(ack));
        int twice = found.Values.Count(count => count > 1);
        table.Info("faults kill -9: reports sent / acknowledged / in database after restart",
            $"{sent} / {acknowledged.Count} / {found.Values.Sum()}");
        table.Check("faults kill -9: reports acknowledged before the kill", acknowledgedBeforeKill.ToString(CultureInfo.InvariantCulture), "> 0", acknowledgedBeforeKill > 0);
        table.Check("faults kill -9: acknowledged reports lost", lost.ToString(CultureInfo.InvariantCulture), "0", lost == 0);
        table.Check("faults kill -9: reports stored twice", twice.ToString(CultureInfo.InvariantCulture), "0", twice == 0);
    }

    /// <summary>Each activity of a report is delivered twice, first one after the other, then both at once.</summary>
    private static async Task DuplicatesAsync(BotInstance bot, ResultTable table, CancellationToken cancellationToken)
    {
        using HttpClient client = new() { BaseAddress = bot.Server!.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await bot.ExecuteAsync("DELETE FROM Reports WHERE Percent IN (98, 99)", cancellationToken);
        await Task.WhenAll(Enumerable.Range(0, Users).Select(async user =>
        {
            foreach ((int percent, bool concurrent) in new[] { (98, false), (99, true) })
            {
                foreach (string body in new[]
                {
                    BenchRoster.Message(user, string.Create(CultureInfo.InvariantCulture, $"{BenchRoster.TaskTitle(user)} {percent}%")).ToJsonString(),
                    BenchRoster.Message(user, "确认").ToJsonString(),
                })
                {
                    if (concurrent)
                    {
                        await Task.WhenAll(LoadClient.PostAsync(client, body, cancellationToken), LoadClient.PostAsync(client, body, cancellationToken));
                    }
                    else
                    {
                        await LoadClient.PostAsync(client, body, cancellationToken);
                        await LoadClient.PostAsync(client, body, cancellationToken);
                    }
                }
            }
        }));
        Dictionary<(int, int), long> found = await ReportCountsAsync(bot, cancellationToken);
        foreach ((int percent, string mode) in new[] { (98, "sequential"), (99, "concurrent") })
        {
            int duplicates = found.Where(pair => pair.Key.Item2 == percent).Count(pair => pair.Value > 1);
            int stored = found.Where(pair => pair.Key.Item2 == percent).Count();
            table.Info($"faults duplicates ({mode}): users reporting / reports stored", $"{Users} / {stored}");
            table.Check($"faults duplicates ({mode}): reports stored twice", duplicates.ToString(CultureInfo.InvariantCulture), "0", duplicates == 0);
        }
    }

    /// <summary>Reports per (user, percent), the user read from the task key T{user}.</summary>
    internal static async Task<Dictionary<(int, int), long>> ReportCountsAsync(BotInstance bot, CancellationToken cancellationToken)
    {
        IEnumerable<(string Key, long Percent, long Count)> rows = await bot.QueryAsync<(string, long, long)>(
            "SELECT t.Key, r.Percent, COUNT(*) FROM Reports r JOIN Tasks t ON t.Id = r.TaskId WHERE r.Percent IS NOT NULL GROUP BY t.Key, r.Percent",
            cancellationToken);
        return rows.ToDictionary(row => (int.Parse(row.Key[1..], CultureInfo.InvariantCulture), (int)row.Percent), row => row.Count);
    }
}
