using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TaskForce.Core.Roster;

namespace TaskForce.IntegrationTests.Infrastructure;

/// <summary>
/// The real bot host in development mode on a private SQLite file, with a roster imported from YAML, a fake
/// clock (Monday 2026-11-30, 10:00 in Shanghai) and a fake connector for proactive messages.
/// </summary>
internal sealed class ConversationHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);

    private ConversationHost(FakeConnector connector, BotAppFactory app, FakeTimeProvider time)
    {
        Connector = connector;
        App = app;
        Time = time;
        Client = app.CreateClient();
    }

    public FakeConnector Connector { get; }

    public BotAppFactory App { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public static async Task<ConversationHost> StartAsync(
        string? roster = null, string? databasePath = null, FakeTimeProvider? time = null, IDictionary<string, string?>? extraSettings = null,
        bool withoutWorkers = false)
    {
        FakeConnector connector = await FakeConnector.StartAsync();
        time ??= new FakeTimeProvider(Start);
        // The workers tick on the fake clock too; long intervals keep an Advance() from running thousands of ticks.
        // Tests that need the dispatcher call it directly.
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Roster:ImportDemoWhenEmpty"] = "false",
            ["Outbox:PollInterval"] = "01:00:00",
            ["Scheduling:PlanInterval"] = "06:00:00",
            ["Scheduling:NudgeLookahead"] = "12:00:00",
        };
        foreach ((string key, string? value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = new BotAppFactory(settings, databasePath)
        {
            ConfigureServices = services =>
            {
                services.AddSingleton<TimeProvider>(time);
                if (withoutWorkers)
                {
                    // The test drives planning and dispatch itself, so what was sent when is exact.
                    foreach (ServiceDescriptor worker in services
                        .Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)
                            && (d.ImplementationType == typeof(TaskForce.Bot.Workers.OutboxWorker) || d.ImplementationType == typeof(TaskForce.Bot.Workers.PlanningWorker)))
                        .ToList())
                    {
                        services.Remove(worker);
                    }
                }
            },
        };
        app.StartServer();
        var host = new ConversationHost(connector, app, time);
        if (roster is not null)
        {
            RosterImportResult result = await app.Services.GetRequiredService<RosterImporter>()
                .ImportAsync(new StringReader(roster), "test-roster.yaml", "test", CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        }

        return host;
    }

    public ConversationDriver Chat(string userId, string? aadObjectId = null, string locale = "zh-CN", string? conversationId = null) =>
        new(Client, Connector.ServiceUrl, userId, aadObjectId, conversationId ?? "a:" + userId, locale);

    public async Task<long> ScalarAsync(string sql, object? args = null)
    {
        await using var connection = new SqliteConnection($"Data Source={App.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
