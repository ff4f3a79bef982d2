using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using TaskForce.Bot.Workers;
using TaskForce.Core.Escalation;
using TaskForce.Core.Outbox;
using TaskForce.Core.Roster;
using TaskForce.Core.Scheduling;
using TaskForce.IntegrationTests.Infrastructure;

namespace TaskForce.IntegrationTests.Scheduling;

/// <summary>
/// The real bot host for scheduler scenarios: development mode, a private SQLite file, a <see cref="FakeTimeProvider"/>
/// as its clock and a <see cref="FakeConnector"/> stamping each call with that clock. The outbox and planning workers
/// are taken out of the host, so nothing runs on its own: a test plays the worker by calling the planner, the SLA
/// check and <see cref="OutboxDispatcher.DispatchDueAsync"/> from the host's container. A restarted or sibling host
/// shares the file, the clock and the connector, as a second process on the same machine would.
/// </summary>
internal sealed class SchedulingHost : IAsyncDisposable
{
    private readonly IDictionary<string, string?>? _extraSettings;
    private readonly bool _ownsSharedState;

    private SchedulingHost(
        FakeTimeProvider time, FakeConnector connector, string databasePath, IDictionary<string, string?>? extraSettings, bool ownsSharedState)
    {
        Time = time;
        Connector = connector;
        DatabasePath = databasePath;
        _extraSettings = extraSettings;
        _ownsSharedState = ownsSharedState;
        App = NewApp();
        Client = App.CreateClient();
    }

    public FakeTimeProvider Time { get; }

    public FakeConnector Connector { get; }

    public string DatabasePath { get; }

    public BotAppFactory App { get; private set; }

    private string ConnectionString => $"Data Source={DatabasePath}";

    public HttpClient Client { get; private set; }

    public ReminderPlanner Planner => App.Services.GetRequiredService<ReminderPlanner>();

    public EscalationService Escalation => App.Services.GetRequiredService<EscalationService>();

    public OutboxDispatcher Dispatcher => App.Services.GetRequiredService<OutboxDispatcher>();

    /// <summary>Starts a host at <paramref name="start"/> and imports <paramref name="roster"/> through the real importer.</summary>
    public static async Task<SchedulingHost> StartAsync(DateTimeOffset start, string roster, IDictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(start);
        FakeConnector connector = await FakeConnector.StartAsync(time);
        string path = Path.Combine(Path.GetTempPath(), $"tf-sched-it-{Guid.NewGuid():N}.db");
        var host = new SchedulingHost(time, connector, path, settings, ownsSharedState: true);
        await host.ImportAsync(roster);
        return host;
    }

    /// <summary>A second bot process on the same file, clock and connector, with its own dispatcher (own lease owner id).</summary>
    public SchedulingHost StartSibling(IDictionary<string, string?>? settings = null) =>
        new(Time, Connector, DatabasePath, settings ?? _extraSettings, ownsSharedState: false);

    /// <summary>
    /// The process stops (no graceful lease release: the workers are not in the host), stays down for
    /// <paramref name="downtime"/> of fake time, and a new process starts on the same file.
    /// </summary>
    public async Task RestartAsync(TimeSpan downtime)
    {
        Client.Dispose();
        await App.DisposeAsync();
        Time.Advance(downtime);
        App = NewApp();
        Client = App.CreateClient();
    }

    public async Task ImportAsync(string roster)
    {
        RosterImportResult result = await App.Services.GetRequiredService<RosterImporter>()
            .ImportAsync(new StringReader(roster), "scheduling-roster.yaml", "test", CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    /// <summary>
    /// Each member sends one message to /api/messages from the fake connector's service URL, so the bot captures
    /// their conversation reference the real way (the replies come back in the HTTP response, not through the connector).
    /// </summary>
    public async Task TalkAsync(params string[] memberKeys)
    {
        foreach (string key in memberKeys)
        {
            await Chat(key).SendAsync(ScheduleRosters.Hello);
        }
    }

    public ConversationDriver Chat(string memberKey) =>
        new(Client, Connector.ServiceUrl, "29:" + memberKey, ScheduleRosters.Aad(memberKey), ConversationOf(memberKey), "zh-CN");

    public static string ConversationOf(string memberKey) => "a:29:" + memberKey;

    /// <summary>Dispatches until nothing due is left at the current fake time; returns the summed outcomes.</summary>
    public async Task<Dictionary<DispatchOutcome, int>> DrainAsync()
    {
        var total = new Dictionary<DispatchOutcome, int>();
        DispatchSummary summary;
        do
        {
            // A dispatch that waited on the fake clock (an inline retry) would never end: fail instead of hanging.
            summary = await Dispatcher.DispatchDueAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            foreach (DispatchOutcome outcome in Enum.GetValues<DispatchOutcome>())
            {
                total[outcome] = total.GetValueOrDefault(outcome) + summary[outcome];
            }
        }
        while (summary.Claimed > 0);
        return total;
    }

    /// <summary>
    /// Plays both workers until <paramref name="end"/> (exclusive): every <paramref name="tick"/> it plans reminders
    /// and/or checks blocker SLAs, and it dispatches at every instant a job falls due, jumping the fake clock from one
    /// event to the next. Ends with the clock at <paramref name="end"/>.
    /// </summary>
    public async Task RunUntilAsync(DateTimeOffset end, TimeSpan tick, bool plan = true, bool escalate = false)
    {
        DateTimeOffset nextTick = Time.GetUtcNow();
        while (true)
        {
            DateTimeOffset now = Time.GetUtcNow();
            if (now >= nextTick)
            {
                if (plan)
                {
                    await Planner.MaterializeAsync(now, CancellationToken.None);
                }

                if (escalate)
                {
                    await Escalation.CheckAsync(now, CancellationToken.None);
                }

                nextTick = now + tick;
            }

            await DrainAsync();
            long? dueMs = await NullableScalarAsync(
                "SELECT MIN(MAX(NextAttemptAtMs, LeaseUntilMs)) FROM Outbox WHERE State IN ('pending', 'retrying');");
            DateTimeOffset next = dueMs is { } ms && DateTimeOffset.FromUnixTimeMilliseconds(ms) < nextTick
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                : nextTick;
            if (next >= end)
            {
                Time.SetUtcNow(end);
                return;
            }

            Time.SetUtcNow(next > now ? next : now + TimeSpan.FromMilliseconds(1));
        }
    }

    /// <summary>Outbox rows with the conversation of their recipient, for joining with what the connector received.</summary>
    public async Task<IReadOnlyList<OutboxRecord>> OutboxAsync()
    {
        const string Sql = """
            SELECT o.Id, o.Kind, o.IdempotencyKey, o.DueAtMs, o.NotAfterMs, o.State, o.Attempts, o.LastError, o.CompletedAtMs,
                   o.MeetingId, m.Key AS MemberKey
            FROM Outbox o LEFT JOIN Members m ON m.Id = o.RecipientMemberId ORDER BY o.Id;
            """;
        await using SqliteConnection connection = await OpenAsync();
        return [.. await connection.QueryAsync<OutboxRecord>(Sql)];
    }

    public async Task<long> ScalarAsync(string sql, object? args = null)
    {
        await using SqliteConnection connection = await OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using SqliteConnection connection = await OpenAsync();
        return [.. await connection.QueryAsync<T>(sql, args)];
    }

    public async Task ExecuteAsync(string sql, object? args = null)
    {
        await using SqliteConnection connection = await OpenAsync();
        await connection.ExecuteAsync(sql, args);
    }

    /// <summary>A local wall time in Shanghai (the roster's and working calendar's zone).</summary>
    public static DateTimeOffset Local(string localDateTime) =>
        DateTimeOffset.Parse(localDateTime + "+08:00", CultureInfo.InvariantCulture);

    /// <summary>An instant as the Chinese reminder texts show it in Shanghai: <c>12月7日 周一 09:00</c>.</summary>
    public static string Shown(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(8)).ToString("M月d日 ddd HH:mm", CultureInfo.GetCultureInfo("zh-CN"));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        if (!_ownsSharedState)
        {
            return;
        }

        await Connector.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (string suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }

    private BotAppFactory NewApp()
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Roster:ImportDemoWhenEmpty"] = "false",
            // Pooled connections: a simulated month opens thousands of them, and an unpooled open costs milliseconds.
            // Each host still has its own write lock; the pools are cleared whenever a host stops.
            ["Storage:ConnectionString"] = ConnectionString,
            // NORMAL keeps WAL commits off fsync: month-long simulations commit thousands of times; durability is not under test.
            ["Storage:Synchronous"] = "NORMAL",
        };
        foreach ((string key, string? value) in _extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        // An existing path is never deleted by the factory: the file outlives restarts and is removed in DisposeAsync.
        var app = new BotAppFactory(settings, DatabasePath)
        {
            ConfigureServices = services =>
            {
                services.AddSingleton<TimeProvider>(Time);
                foreach (ServiceDescriptor worker in services
                    .Where(d => d.ServiceType == typeof(IHostedService) && (d.ImplementationType == typeof(OutboxWorker) || d.ImplementationType == typeof(PlanningWorker)))
                    .ToList())
                {
                    services.Remove(worker);
                }
            },
        };
        app.StartServer();
        return app;
    }

    private async Task<long?> NullableScalarAsync(string sql)
    {
        await using SqliteConnection connection = await OpenAsync();
        return await connection.ExecuteScalarAsync<long?>(sql);
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}

/// <summary>An outbox row as the scheduling tests inspect it.</summary>
internal sealed record OutboxRecord(
    long Id, string Kind, string IdempotencyKey, long DueAtMs, long? NotAfterMs, string State, long Attempts, string? LastError,
    long? CompletedAtMs, long? MeetingId, string? MemberKey)
{
    public DateTimeOffset DueAt => DateTimeOffset.FromUnixTimeMilliseconds(DueAtMs);

    public DateTimeOffset? NotAfter => NotAfterMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    public DateTimeOffset? CompletedAt => CompletedAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
