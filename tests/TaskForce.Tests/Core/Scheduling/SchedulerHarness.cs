using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TaskForce.Core.Calendar;
using TaskForce.Core.Escalation;
using TaskForce.Core.Meetings;
using TaskForce.Core.Outbox;
using TaskForce.Core.Scheduling;
using TaskForce.Core.Storage;

namespace TaskForce.Tests.Core.Scheduling;

/// <summary>The scheduler over a private migrated SQLite file, with a fake clock and a recording delivery.</summary>
internal sealed class SchedulerHarness : IAsyncDisposable
{
    private readonly List<Database> _databases = [];

    private SchedulerHarness(DateTimeOffset start)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tf-sched-{Guid.NewGuid():N}.db");
        // NORMAL keeps WAL commits off fsync so month-long simulations stay fast; durability is not under test here.
        StorageOptions = new StorageOptions { ConnectionString = $"Data Source={Path};Pooling=False", Synchronous = "NORMAL" };
        Connections = new SqliteConnectionFactory(Options.Create(StorageOptions));
        Database = NewDatabase();
        Time = new FakeTimeProvider(start);
        Delivery = new RecordingDelivery(Time);
        Data = new SchedulerTestData(Connections);
    }

    public string Path { get; }

    public StorageOptions StorageOptions { get; }

    public SqliteConnectionFactory Connections { get; }

    public Database Database { get; }

    public FakeTimeProvider Time { get; }

    public RecordingDelivery Delivery { get; }

    public SchedulerTestData Data { get; }

    public OutboxOptions Outbox { get; } = new();

    public SchedulingOptions Scheduling { get; } = new();

    public WorkingCalendarOptions Calendar { get; } = new();

    public EscalationOptions Escalation { get; } = new();

    public OutboxStore Store => new(Database);

    public OutboxReadStore Reads => new(Database);

    public MeetingStore Meetings => new(Database);

    public CalendarStore Calendars => new(Database, Options.Create(Calendar));

    public ReminderPlanner Planner => new(Meetings, Calendars, Store, Reads, new NudgeStore(Database), Options.Create(Scheduling), NullLogger<ReminderPlanner>.Instance);

    public EscalationService EscalationService =>
        new(new EscalationStore(Database), Calendars, Store, Options.Create(Escalation), NullLogger<EscalationService>.Instance);

    public static async Task<SchedulerHarness> CreateAsync(DateTimeOffset start)
    {
        var harness = new SchedulerHarness(start);
        await new Migrator(harness.Connections, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>A second writer on the same file, as another bot process would have.</summary>
    public Database NewDatabase()
    {
        var database = new Database(new SqliteConnectionFactory(Options.Create(StorageOptions)));
        _databases.Add(database);
        return database;
    }

    /// <summary>A dispatcher with its own lease owner id, pacer and (optionally) its own database instance.</summary>
    public OutboxDispatcher NewDispatcher(IOutboxDelivery? delivery = null, Database? database = null)
    {
        Database db = database ?? Database;
        var reads = new OutboxReadStore(db);
        IOptions<OutboxOptions> outbox = Options.Create(Outbox);
        return new OutboxDispatcher(
            new OutboxStore(db),
            new OutboxPacer(reads, outbox, Time),
            new NoiseBudget(reads, new OutboxDigestStore(db), outbox, Options.Create(Calendar)),
            delivery ?? Delivery,
            outbox,
            Time,
            NullLogger<OutboxDispatcher>.Instance);
    }

    /// <summary>Dispatches until nothing due is left at the current fake time.</summary>
    public static async Task DrainAsync(OutboxDispatcher dispatcher)
    {
        while ((await dispatcher.DispatchDueAsync(CancellationToken.None)).Claimed > 0)
        {
        }
    }

    /// <summary>
    /// Plays the worker: plans every PlanInterval and dispatches whenever something is due, jumping the fake clock
    /// from one event to the next plus a poll's worth of delay.
    /// </summary>
    public async Task RunAsync(DateTimeOffset end)
    {
        OutboxDispatcher dispatcher = NewDispatcher();
        DateTimeOffset nextPlan = Time.GetUtcNow();
        while (Time.GetUtcNow() < end)
        {
            DateTimeOffset now = Time.GetUtcNow();
            if (now >= nextPlan)
            {
                await Planner.MaterializeAsync(now, CancellationToken.None);
                nextPlan = now + Scheduling.PlanInterval;
            }

            await DrainAsync(dispatcher);
            IReadOnlyList<OutboxJob> pending = await Reads.ListAsync(OutboxListFilter.Pending, 1, CancellationToken.None);
            DateTimeOffset next = pending.Count > 0 && pending[0].NextAttemptAt + Outbox.PollInterval < nextPlan
                ? pending[0].NextAttemptAt + Outbox.PollInterval
                : nextPlan;
            Time.SetUtcNow(next < end ? (next > now ? next : now + Outbox.PollInterval) : end);
        }
    }

    public static DateTimeOffset Local(string localDateTime) =>
        DateTimeOffset.Parse(localDateTime + "+08:00", System.Globalization.CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (string suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }

        return ValueTask.CompletedTask;
    }
}
