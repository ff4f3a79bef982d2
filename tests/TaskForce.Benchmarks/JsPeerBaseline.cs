using System.Diagnostics;
using System.Globalization;

namespace TaskForce.Benchmarks;

/// <summary>
/// The third baseline of the turns benchmark: an echo bot on Microsoft's JavaScript <c>botbuilder</c> SDK
/// (<c>js-peer/echo-bot.js</c>, pinned by its package-lock.json), run with Node as its own process and measured by
/// the same load client with the same one-message rounds as the other baselines. Skipped with a note when Node is
/// not installed.
/// </summary>
internal static class JsPeerBaseline
{
    private const double TicksPerSecond = 100;

    /// <summary>The bot's figures at one level, to compare the peer with.</summary>
    public sealed record BotLevel(int Concurrency, double RequestsPerSecond, double CpuMsPerTurn);

    public static async Task RunAsync(BenchmarkSettings settings, IReadOnlyList<BotLevel> bot, ResultTable table, CancellationToken cancellationToken)
    {
        string folder = Path.Combine(BotInstance.RepoRoot(), "tests", "TaskForce.Benchmarks", "js-peer");
        try
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules")))
            {
                Console.WriteLine("turns: installing the JavaScript peer (npm ci) ...");
                await BotInstance.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--prefix", folder], new Dictionary<string, string>(), cancellationToken);
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            table.Note("JavaScript botbuilder peer skipped: npm and node are not installed.");
            return;
        }

        int port = ServerProcess.FreePort();
        ProcessStartInfo start = new("node") { UseShellExecute = false, WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("echo-bot.js");
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        using Process node = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        node.OutputDataReceived += (_, _) => { };
        node.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("  [js peer] " + e.Data); } };
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        try
        {
            Uri address = new($"http://127.0.0.1:{port}/");
            await WaitReadyAsync(node, address, cancellationToken);
            RoundFactory one = (user, round) => [BenchRoster.Message(user, "warm-up " + round).ToJsonString()];
            await LoadClient.RunAsync(address, settings.Levels.Max(), TimeSpan.FromSeconds(1), one, cancellationToken);
            foreach (BotLevel level in bot)
            {
                TimeSpan before = CpuTime(node.Id);
                LoadResult load = await LoadClient.RunAsync(address, level.Concurrency, settings.Duration, one, cancellationToken);
                double cpu = (CpuTime(node.Id) - before).TotalMilliseconds / Math.Max(1, load.Requests);
                Console.WriteLine($"turns: {"js botbuilder",-16} c={level.Concurrency,-3} {load.RequestsPerSecond,8:0.0} req/s  p50 {load.Percentile(0.5),7:0.00} ms  p99 {load.Percentile(0.99),7:0.00} ms  cpu {cpu:0.00} ms/turn  errors {load.Errors}");
                Print(table, level, load, cpu);
            }
        }
        finally
        {
            node.Kill(entireProcessTree: true);
            await node.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static void Print(ResultTable table, BotLevel bot, LoadResult peer, double peerCpu)
    {
        static string F(double value, string format = "0.00") => ResultTable.Format(value, format);
        int c = bot.Concurrency;
        table.Info($"c={c} JS botbuilder peer: req/s, p50/p99 ms, cpu ms/turn",
            $"{F(peer.RequestsPerSecond, "0.0")}, {F(peer.Percentile(0.5))}/{F(peer.Percentile(0.99))}, {F(peerCpu)} (errors {peer.Errors})");
        double throughput = bot.RequestsPerSecond / peer.RequestsPerSecond;
        table.Check($"c={c} bot turns/s vs JS botbuilder peer", F(throughput) + "x", ">= 1.5x", throughput >= 1.5);
        double cpu = bot.CpuMsPerTurn / peerCpu;
        table.Check($"c={c} bot cpu/turn vs JS botbuilder peer", F(cpu) + "x", "<= 0.5x", cpu <= 0.5);
    }

    private static async Task WaitReadyAsync(Process node, Uri address, CancellationToken cancellationToken)
    {
        using HttpClient client = new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        Stopwatch waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (node.HasExited)
            {
                throw new InvalidOperationException($"the JavaScript peer exited with {node.ExitCode} before it was ready");
            }

            if (await LockHolder.HealthAsync(client, cancellationToken) == 200)
            {
                return;
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException("the JavaScript peer was not ready after 90 s");
    }

    /// <summary>utime + stime of /proc/pid/stat (Node's worker threads included).</summary>
    private static TimeSpan CpuTime(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
