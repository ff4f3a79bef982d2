namespace TaskForce.Benchmarks;

/// <summary>
/// Report turns against the real bot over HTTP, next to the HTTP limit and the durable-turn limit measured by the
/// same load client in the same run. Every figure is per HTTP turn; a report is two turns (message, then confirm).
/// </summary>
internal static class TurnBenchmark
{
    /// <summary>
    /// Load before each measured level, the same for the baselines and the bot, so a level measures the steady state
    /// and not the JIT compiling (and recompiling) a freshly started process on a shared machine.
    /// </summary>
    private static readonly TimeSpan s_warmUp = TimeSpan.FromSeconds(5);

    private sealed record Level(LoadResult Load, double CpuMsPerTurn, int WarmUpRounds);

    private sealed record Run(string Name, IReadOnlyList<Level> Levels, double RssMiB, double PeakMiB);

    public static async Task RunAsync(BenchmarkSettings settings, ResultTable table, CancellationToken cancellationToken)
    {
        int users = settings.Levels.Max();
        Run http = await BaselineAsync("baseline-http", [], settings, cancellationToken);
        string durableDb = Path.Combine(Path.GetTempPath(), $"tf-bench-durable-{Guid.NewGuid():N}.db");
        Run durable;
        try
        {
            durable = await BaselineAsync("baseline-durable", ["--database", durableDb], settings, cancellationToken);
        }
        finally
        {
            foreach (string file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(durableDb) + "*"))
            {
                File.Delete(file);
            }
        }

        await using BotInstance bot = await BotInstance.CreateAsync(users, cancellationToken);
        ServerProcess server = await bot.StartAsync(cancellationToken);
        // The first round of every user links the member (a durable write each); the warm-up of each level covers it.
        Run botRun = await MeasureAsync("bot", server, settings, BenchRoster.ReportRound, cancellationToken);
        long saved = await bot.ScalarAsync("SELECT COUNT(*) FROM Reports", cancellationToken);
        int confirmed = botRun.Levels.Sum(level => level.Load.Rounds + level.WarmUpRounds);

        Print(table, http, durable, botRun);
        table.Check("bot: reports saved / reports confirmed", $"{saved} / {confirmed}", "equal", saved == confirmed);

        // The JavaScript botbuilder echo peer, a third baseline: see JsPeerBaseline.cs.
        await JsPeerBaseline.RunAsync(
            settings, [.. botRun.Levels.Select(level => new JsPeerBaseline.BotLevel(level.Load.Concurrency, level.Load.RequestsPerSecond, level.CpuMsPerTurn))], table, cancellationToken);
    }

    private static async Task<Run> BaselineAsync(string verb, string[] arguments, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        int port = ServerProcess.FreePort();
        await using ServerProcess server = await ServerProcess.StartAsync(
            BotInstance.SelfDll, [verb, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. arguments],
            new Dictionary<string, string>(StringComparer.Ordinal), port, cancellationToken);
        RoundFactory one = (user, round) => [BenchRoster.Message(user, "report " + round).ToJsonString()];
        return await MeasureAsync(verb, server, settings, one, cancellationToken);
    }

    private static async Task<Run> MeasureAsync(string name, ServerProcess server, BenchmarkSettings settings, RoundFactory rounds, CancellationToken cancellationToken)
    {
        List<Level> levels = [];
        foreach (int concurrency in settings.Levels)
        {
            LoadResult warmUp = await LoadClient.RunAsync(server.BaseAddress, concurrency, s_warmUp, rounds, cancellationToken);
            TimeSpan cpuBefore = server.CpuTime();
            LoadResult load = await LoadClient.RunAsync(server.BaseAddress, concurrency, settings.Duration, rounds, cancellationToken);
            TimeSpan cpu = server.CpuTime() - cpuBefore;
            double cpuPerTurn = load.Requests == 0 ? double.NaN : cpu.TotalMilliseconds / load.Requests;
            levels.Add(new Level(load, cpuPerTurn, warmUp.Rounds));
            Console.WriteLine($"turns: {name,-16} c={concurrency,-3} {load.RequestsPerSecond,8:0.0} req/s  p50 {load.Percentile(0.5),7:0.00} ms  p99 {load.Percentile(0.99),7:0.00} ms  cpu {cpuPerTurn:0.00} ms/turn  errors {load.Errors}");
        }

        (double rss, double peak) = server.Memory();
        return new Run(name, levels, rss, peak);
    }

    private static void Print(ResultTable table, Run http, Run durable, Run bot)
    {
        static string F(double value) => ResultTable.Format(value, "0.0");
        static string F2(double value) => ResultTable.Format(value, "0.00");
        for (int i = 0; i < bot.Levels.Count; i++)
        {
            LoadResult b = bot.Levels[i].Load, d = durable.Levels[i].Load, h = http.Levels[i].Load;
            int c = b.Concurrency;
            table.Info($"c={c} HTTP limit: req/s, p50/p99 ms, cpu ms/turn", $"{F(h.RequestsPerSecond)}, {F2(h.Percentile(0.5))}/{F2(h.Percentile(0.99))}, {F2(http.Levels[i].CpuMsPerTurn)}");
            table.Info($"c={c} durable limit: req/s, p50/p99 ms, cpu ms/turn", $"{F(d.RequestsPerSecond)}, {F2(d.Percentile(0.5))}/{F2(d.Percentile(0.99))}, {F2(durable.Levels[i].CpuMsPerTurn)}");
            table.Info($"c={c} bot: turns/s (reports/s), p50/p99 ms, cpu ms/turn", $"{F(b.RequestsPerSecond)} ({F(b.RoundsPerSecond)}), {F2(b.Percentile(0.5))}/{F2(b.Percentile(0.99))}, {F2(bot.Levels[i].CpuMsPerTurn)}");
            table.Info($"c={c} bot errors (non-200)", b.Errors.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (c < 16)
            {
                continue;
            }

            double throughput = b.RequestsPerSecond / d.RequestsPerSecond;
            table.Check($"c={c} bot turns/s vs durable limit", F2(throughput) + "x", ">= 0.6x", throughput >= 0.6);
            double cpu = bot.Levels[i].CpuMsPerTurn / durable.Levels[i].CpuMsPerTurn;
            table.Check($"c={c} bot cpu/turn vs durable limit", F2(cpu) + "x", "<= 1.5x", cpu <= 1.5);
            double p99 = b.Percentile(0.99) / d.Percentile(0.99);
            table.Check($"c={c} bot p99 vs durable limit", F2(p99) + "x", "<= 2x", p99 <= 2);
            if (c >= 64)
            {
                table.Check($"c={c} bot p99", F2(b.Percentile(0.99)) + " ms", "< 250 ms", b.Percentile(0.99) < 250);
            }
        }

        table.Info("RSS after load MiB (now/peak): HTTP limit", $"{F(http.RssMiB)}/{F(http.PeakMiB)}");
        table.Info("RSS after load MiB (now/peak): durable limit", $"{F(durable.RssMiB)}/{F(durable.PeakMiB)}");
        table.Info("RSS after load MiB (now/peak): bot", $"{F(bot.RssMiB)}/{F(bot.PeakMiB)}");
        double rss = bot.PeakMiB / durable.PeakMiB;
        table.Check("bot peak RSS vs durable limit", F2(rss) + "x", "<= 1.3x", rss <= 1.3);
    }
}
