using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TaskForce.Core.Calendar;
using TaskForce.Core.Meetings;
using TaskForce.Core.Outbox;
using TaskForce.Core.Scheduling;
using TaskForce.Core.Storage;

namespace TaskForce.Benchmarks;

/// <summary>
/// A year of reminders for 15 campaigns x 200 attendees x a weekly meeting x 2 offsets, materialized by
/// <see cref="ReminderPlanner.MaterializeAsync"/>; then the dispatcher's rate to a no-op delivery with pacing off.
/// </summary>
internal static class SchedulerBenchmark
{
    private const int Campaigns = 15;
    private const int Attendees = 200;
    private static readonly DateTimeOffset s_start = new(2026, 11, 29, 16, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(BenchmarkSettings settings, ResultTable table, CancellationToken cancellationToken)
    {
        string path = Path.Combine(Path.GetTempPath(), $"tf-bench-sched-{Guid.NewGuid():N}.db");
        try
        {
            SqliteConnectionFactory connections = new(Options.Create(new StorageOptions { ConnectionString = $"Data Source={path}", Synchronous = "FULL" }));
            await new Migrator(connections, NullLogger<Migrator>.Instance).MigrateAsync(cancellationToken);
            await SeedAsync(path, cancellationToken);
            Database database = new(connections);
            OutboxStore store = new(database);
            IOptions<WorkingCalendarOptions> calendar = Options.Create(new WorkingCalendarOptions());
            ReminderPlanner planner = new(
                new MeetingStore(database), new CalendarStore(database, calendar), store, new OutboxReadStore(database), new NudgeStore(database),
                Options.Create(new SchedulingOptions { Horizon = TimeSpan.FromDays(365) }), NullLogger<ReminderPlanner>.Instance);

            TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            Stopwatch planning = Stopwatch.StartNew();
            PlanSummary plan = await planner.MaterializeAsync(s_start, cancellationToken);
            planning.Stop();
            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            table.Info("scheduler: reminder jobs for a year", plan.Inserted.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.Check("scheduler: materialize a year, s", ResultTable.Format(planning.Elapsed.TotalSeconds, "0.00"), "<= 10 s", planning.Elapsed.TotalSeconds <= 10);
            table.Info("  materialize a year: process CPU s (the machine's load does not inflate it)", ResultTable.Format(cpu.TotalSeconds, "0.00"));

            (int sent, TimeSpan elapsed) = await DispatchAsync(database, settings.Duration, cancellationToken);
            table.Info("scheduler: dispatched to a no-op delivery (pacing off), jobs/s",
                $"{ResultTable.Format(sent / elapsed.TotalSeconds, "0")} ({sent} in {ResultTable.Format(elapsed.TotalSeconds, "0.0")} s)");
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

    /// <summary>Moves the clock to one minute before each Monday meeting and drains what is due, until the time is up.</summary>
    private static async Task<(int Sent, TimeSpan Elapsed)> DispatchAsync(Database database, TimeSpan budget, CancellationToken cancellationToken)
    {
        SettableTime time = new(s_start);
        OutboxOptions options = new() { PerConversationInterval = TimeSpan.Zero, GlobalRatePerSecond = 1_000_000, DailyBudget = 0, BatchSize = 200 };
        IOptions<OutboxOptions> outbox = Options.Create(options);
        OutboxReadStore reads = new(database);
        OutboxDispatcher dispatcher = new(
            new OutboxStore(database), new OutboxPacer(reads, outbox, time),
            new NoiseBudget(reads, new OutboxDigestStore(database), outbox, Options.Create(new WorkingCalendarOptions())),
            new NoDelivery(), outbox, time, NullLogger<OutboxDispatcher>.Instance);
        int sent = 0;
        Stopwatch clock = Stopwatch.StartNew();
        DateTimeOffset monday = new(2026, 11, 30, 0, 59, 0, TimeSpan.Zero);
        for (int week = 0; week < 52 && clock.Elapsed < budget; week++)
        {
            time.Now = monday.AddDays(7 * week);
            DispatchSummary summary;
            do
            {
                summary = await dispatcher.DispatchDueAsync(cancellationToken);
                sent += summary[DispatchOutcome.Sent];
            }
            while (summary.Claimed > 0 && clock.Elapsed < budget);
        }

        return (sent, clock.Elapsed);
    }

    private static async Task SeedAsync(string path, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = new($"Data Source={path};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using SqliteTransaction transaction = connection.BeginTransaction();
        await connection.ExecuteAsync(new CommandDefinition("INSERT INTO Departments (Id, Key, Name) VALUES (1, 'dept', 'Department')", transaction: transaction, cancellationToken: cancellationToken));
        for (int c = 1; c <= Campaigns; c++)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO Campaigns (Id, Key, Name) VALUES (@C, 'c' || @C, 'Campaign ' || @C);
                INSERT INTO Meetings (CampaignId, Key, Title, RRule, StartLocal, TimeZone, DurationMinutes, HolidayPolicy, ReminderOffsets)
                VALUES (@C, 'weekly-' || @C, 'Weekly ' || @C, 'FREQ=WEEKLY;BYDAY=MO', '2026-11-30T09:00', 'Asia/Shanghai', 60, 'keep', '[1440,30]');
                INSERT INTO MeetingAttendees (MeetingId, Role) VALUES (last_insert_rowid(), 'staff');
                """,
                new { C = c }, transaction, cancellationToken: cancellationToken));
            for (int a = 0; a < Attendees; a++)
            {
                long id = ((c - 1) * Attendees) + a + 1;
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO Members (Id, Key, Name, DepartmentId) VALUES (@Id, 'm' || @Id, 'Member ' || @Id, 1);
                    INSERT INTO MemberRoles (MemberId, Role, CampaignId) VALUES (@Id, 'staff', @C);
                    INSERT INTO ConversationReferences (ChannelId, ConversationId, UserId, MemberId, ServiceUrl, Reference, UpdatedAtMs)
                    VALUES ('msteams', 'a:' || @Id, '29:' || @Id, @Id, 'http://127.0.0.1:9/', '{}', 0);
                    """,
                    new { Id = id, C = c }, transaction, cancellationToken: cancellationToken));
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private sealed class SettableTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class NoDelivery : IOutboxDelivery
    {
        public Task<DeliveryResult> DeliverAsync(OutboxJob job, bool late, CancellationToken cancellationToken) => Task.FromResult(DeliveryResult.Success);
    }
}
