using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TaskForce.Core.Access;
using TaskForce.Core.Storage;
using TaskForce.Core.Tasks;

namespace TaskForce.Benchmarks;

/// <summary>
/// Campaign and city-wide summaries (<see cref="TaskStore.SummarizeAsync"/>) on a migrated temp database with
/// 15 campaigns, 10,000 tasks and 1,000,000 reports, each task carrying its latest report as the bot keeps it.
/// </summary>
internal static class QueryBenchmark
{
    private const int Campaigns = 15;
    private const int Tasks = 10_000;
    private const int ReportsPerTask = 100;
    private const int Members = 2_000;
    private const int Runs = 50;
    private static readonly DateTimeOffset s_now = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(BenchmarkSettings settings, ResultTable table, CancellationToken cancellationToken)
    {
        string path = Path.Combine(Path.GetTempPath(), $"tf-bench-query-{Guid.NewGuid():N}.db");
        try
        {
            var storage = Options.Create(new StorageOptions { ConnectionString = $"Data Source={path}", Synchronous = "FULL" });
            SqliteConnectionFactory connections = new(storage);
            await new Migrator(connections, NullLogger<Migrator>.Instance).MigrateAsync(cancellationToken);
            Stopwatch seeding = Stopwatch.StartNew();
            await SeedAsync(path, cancellationToken);
            Console.WriteLine($"queries: seeded {Tasks} tasks and {Tasks * ReportsPerTask} reports in {seeding.Elapsed.TotalSeconds:0.0} s");

            TaskStore store = new(connections, Options.Create(new TrafficLightOptions()));
            DateOnly today = DateOnly.FromDateTime(s_now.UtcDateTime);
            DateTimeOffset since = s_now.AddDays(-7);
            AccessScope commander = new(1, CityWide: false, new HashSet<long> { 1 });
            AccessScope supervisor = new(1, CityWide: true, new HashSet<long>());
            double[] campaign = await TimeAsync(() => store.SummarizeAsync(commander, 1, today, since, cancellationToken));
            double[] city = await TimeAsync(() => store.SummarizeAsync(supervisor, null, today, since, cancellationToken));
            Report(table, "campaign summary", campaign, 20);
            Report(table, "city-wide summary", city, 50);

            // Profile: the three queries of a city-wide summary (light counts, listed tasks, non-reporters), and for
            // comparison the full task list with its lights computed in code, which is what the summary used to read.
            object parameters = TaskSummaryStore.Parameters(supervisor, null, today, new TrafficLightOptions(), since);
            await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
            (string Part, string Sql)[] parts =
            [
                ("light counts (10,000 tasks)", TaskSummaryStore.CountSql),
                ("listed tasks (up to 100)", TaskSummaryStore.ListSql),
                ("non-reporters", TaskSummaryStore.NonReportersSql),
            ];
            foreach ((string part, string sql) in parts)
            {
                double[] times = await TimeAsync(() => connection.QueryAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)));
                table.Info($"  profile city-wide: {part} p50 ms", ResultTable.Format(Percentile(times, 0.5), "0.00"));
            }

            double[] list = await TimeAsync(() => store.QueryAsync(supervisor, new TaskFilter(), today, cancellationToken));
            table.Info("  for comparison: every task with its light computed in code p50 ms", ResultTable.Format(Percentile(list, 0.5), "0.00"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (string file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    private static void Report(ResultTable table, string name, double[] times, double targetMs)
    {
        double p50 = Percentile(times, 0.5), p99 = Percentile(times, 0.99);
        table.Info($"{name} p50 ms (1M reports, {Runs} runs)", ResultTable.Format(p50, "0.00"));
        table.Check($"{name} p99 ms (1M reports, {Runs} runs)", ResultTable.Format(p99, "0.00"),
            string.Create(CultureInfo.InvariantCulture, $"<= {targetMs} ms"), p99 <= targetMs);
    }

    private static async Task<double[]> TimeAsync<T>(Func<Task<T>> query)
    {
        for (int i = 0; i < 3; i++)
        {
            await query();
        }

        double[] times = new double[Runs];
        for (int i = 0; i < Runs; i++)
        {
            long started = Stopwatch.GetTimestamp();
            await query();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return times;
    }

    private static double Percentile(double[] values, double p)
    {
        double[] sorted = [.. values.Order()];
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    /// <summary>One transaction, prepared commands: departments, members, campaigns with a commander, tasks, reports.</summary>
    private static async Task SeedAsync(string path, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = new($"Data Source={path};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using SqliteTransaction transaction = connection.BeginTransaction();
        Execute(connection, transaction, "INSERT INTO Departments (Id, Key, Name) VALUES (1, 'dept', 'Department')");
        Bulk(connection, transaction, "INSERT INTO Members (Id, Key, Name, DepartmentId) VALUES ($a, 'm' || $a, 'Member ' || $a, 1)", Members, i => [i + 1]);
        Bulk(connection, transaction, "INSERT INTO Campaigns (Id, Key, Name) VALUES ($a, 'c' || $a, 'Campaign ' || $a)", Campaigns, i => [i + 1]);
        Bulk(connection, transaction, "INSERT INTO MemberRoles (MemberId, Role, CampaignId) VALUES ($a, 'staff', $b)", Members, i => [i + 1, (i % Campaigns) + 1]);
        long startMs = s_now.AddDays(-365).ToUnixTimeMilliseconds();
        long stepMs = (long)TimeSpan.FromDays(365).TotalMilliseconds / ReportsPerTask;
        Bulk(connection, transaction,
            "INSERT INTO Tasks (Id, CampaignId, Key, Title, OwnerMemberId, DepartmentId, StartDate, Deadline, LatestPercent, LatestStatus, LatestReportId, LatestReportAtMs) " +
            "VALUES ($a, $b, 'T' || $a, 'Task ' || $a, $c, 1, '2026-01-01', $d, $e, 'in_progress', $f, $g)",
            Tasks,
            i => [i + 1, (i % Campaigns) + 1, (i % Members) + 1, i % 3 == 0 ? "2026-11-20" : "2027-06-30", (i * 7) % 100,
                ((long)(i + 1) * ReportsPerTask), startMs + ((ReportsPerTask - 1) * stepMs) + (i % 1000)]);
        Bulk(connection, transaction,
            "INSERT INTO Reports (Id, TaskId, ReporterMemberId, Percent, Status, Text, ChannelId, ActivityId, CreatedAtMs) " +
            "VALUES ($a, $b, $c, $d, 'in_progress', 'progress', 'msteams', NULL, $e)",
            Tasks * ReportsPerTask,
            i =>
            {
                long task = (i / ReportsPerTask) + 1, n = i % ReportsPerTask;
                return [(long)i + 1, task, ((task - 1) % Members) + 1, n == ReportsPerTask - 1 ? ((task - 1) * 7) % 100 : n, startMs + (n * stepMs) + ((task - 1) % 1000)];
            });
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using SqliteCommand command = new(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private static void Bulk(SqliteConnection connection, SqliteTransaction transaction, string sql, int count, Func<int, object[]> values)
    {
        using SqliteCommand command = new(sql, connection, transaction);
        object[] first = values(0);
        SqliteParameter[] parameters = [.. first.Select((_, index) => command.Parameters.Add(new SqliteParameter("$" + (char)('a' + index), first[index])))];
        command.Prepare();
        for (int i = 0; i < count; i++)
        {
            object[] row = values(i);
            for (int p = 0; p < parameters.Length; p++)
            {
                parameters[p].Value = row[p];
            }

            command.ExecuteNonQuery();
        }
    }
}
