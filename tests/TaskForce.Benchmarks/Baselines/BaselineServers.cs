using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TaskForce.Benchmarks.Baselines;

/// <summary>
/// The two limits a report turn is compared with, each a bare ASP.NET Core app run as its own process:
/// the HTTP limit (parse the activity, answer) and the durable-turn limit (plus one SQLite write transaction
/// with WAL and synchronous=FULL, like the bot).
/// </summary>
internal static class BaselineServers
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS State (UserId TEXT PRIMARY KEY, Percent INTEGER, LatestReportId INTEGER, UpdatedAtMs INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS Reports (Id INTEGER PRIMARY KEY, UserId TEXT NOT NULL, Text TEXT NOT NULL, ActivityId TEXT NOT NULL UNIQUE, CreatedAtMs INTEGER NOT NULL);
        """;

    private const string ReadState = "SELECT Percent FROM State WHERE UserId = @UserId";

    private const string InsertReport = """
        INSERT INTO Reports (UserId, Text, ActivityId, CreatedAtMs) VALUES (@UserId, @Text, @ActivityId, @Now)
        RETURNING Id
        """;

    private const string UpsertState = """
        INSERT INTO State (UserId, Percent, LatestReportId, UpdatedAtMs) VALUES (@UserId, @Percent, @ReportId, @Now)
        ON CONFLICT (UserId) DO UPDATE SET Percent = excluded.Percent, LatestReportId = excluded.LatestReportId, UpdatedAtMs = excluded.UpdatedAtMs
        """;

    public static async Task<int> RunHttpAsync(int port, CancellationToken cancellationToken)
    {
        WebApplication app = Create(port);
        app.MapPost("/api/messages", async (HttpRequest request, CancellationToken token) =>
        {
            Incoming incoming = await Incoming.ReadAsync(request, token);
            return Results.Json(Reply(incoming, "ok"));
        });
        await app.RunAsync(cancellationToken);
        return 0;
    }

    public static async Task<int> RunDurableAsync(int port, string database, CancellationToken cancellationToken)
    {
        string connectionString = new SqliteConnectionStringBuilder { DataSource = database, Pooling = true }.ToString();
        await using (SqliteConnection setup = new(connectionString))
        {
            await setup.OpenAsync(cancellationToken);
            await setup.ExecuteAsync(new CommandDefinition(Schema, cancellationToken: cancellationToken));
        }

        using SemaphoreSlim writeLock = new(1, 1);
        WebApplication app = Create(port);
        app.MapPost("/api/messages", async (HttpRequest request, CancellationToken token) =>
        {
            Incoming incoming = await Incoming.ReadAsync(request, token);
            await writeLock.WaitAsync(token);
            try
            {
                await using SqliteConnection connection = new(connectionString);
                await connection.OpenAsync(token);
                await connection.ExecuteAsync(new CommandDefinition("PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;", cancellationToken: token));
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(token);
                long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                int? previous = await connection.QuerySingleOrDefaultAsync<int?>(
                    new CommandDefinition(ReadState, new { incoming.UserId }, transaction, cancellationToken: token));
                long reportId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    InsertReport, new { incoming.UserId, incoming.Text, incoming.ActivityId, Now = now }, transaction, cancellationToken: token));
                await connection.ExecuteAsync(new CommandDefinition(
                    UpsertState, new { incoming.UserId, Percent = (previous ?? 0) + 1, ReportId = reportId, Now = now }, transaction, cancellationToken: token));
                await transaction.CommitAsync(token);
            }
            finally
            {
                writeLock.Release();
            }

            return Results.Json(Reply(incoming, "saved"));
        });
        await app.RunAsync(cancellationToken);
        return 0;
    }

    private static WebApplication Create(int port)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        WebApplication app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok"));
        return app;
    }

    private static Dictionary<string, object> Reply(Incoming incoming, string text) => new(StringComparer.Ordinal)
    {
        ["activities"] = new[]
        {
            new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["type"] = "message",
                ["text"] = text,
                ["replyToId"] = incoming.ActivityId,
                ["conversation"] = new Dictionary<string, string>(StringComparer.Ordinal) { ["id"] = incoming.ConversationId },
            },
        },
    };

    private sealed record Incoming(string UserId, string Text, string ActivityId, string ConversationId)
    {
        public static async Task<Incoming> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
        {
            using JsonDocument document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            JsonElement root = document.RootElement;
            return new Incoming(
                root.GetProperty("from").GetProperty("id").GetString() ?? string.Empty,
                root.TryGetProperty("text", out JsonElement text) ? text.GetString() ?? string.Empty : string.Empty,
                root.GetProperty("id").GetString() ?? Guid.NewGuid().ToString("N"),
                root.GetProperty("conversation").GetProperty("id").GetString() ?? string.Empty);
        }
    }
}
