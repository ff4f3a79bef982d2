using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Storage;
using TaskForce.IntegrationTests.Infrastructure;

namespace TaskForce.IntegrationTests.Operations;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_FreshHost_Returns200WithEveryCheckOk()
    {
        await using var app = new BotAppFactory();
        app.StartServer();
        using HttpClient client = app.CreateClient();

        HttpResponseMessage response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ready", body.RootElement.GetProperty("status").GetString());
        JsonElement checks = body.RootElement.GetProperty("checks");
        Assert.Equal("ok", checks.GetProperty("migrations").GetString());
        Assert.Equal("ok", checks.GetProperty("database").GetString());
        Assert.Equal("ok", checks.GetProperty("scheduler").GetString());
    }

    [Fact]
    public async Task Readyz_SchemaVersionBehind_Returns503NamingTheMigrations()
    {
        await using var app = new BotAppFactory();
        app.StartServer();
        using HttpClient client = app.CreateClient();
        await SetUserVersionAsync(app.DatabasePath, Migrator.LatestVersion - 1);

        HttpResponseMessage response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("not_ready", body.RootElement.GetProperty("status").GetString());
        JsonElement checks = body.RootElement.GetProperty("checks");
        Assert.Equal($"schema version {Migrator.LatestVersion - 1}, expected {Migrator.LatestVersion}", checks.GetProperty("migrations").GetString());
        Assert.Equal("ok", checks.GetProperty("database").GetString());
    }

    [Fact]
    public async Task Readyz_DatabaseLockedByAnotherWriter_Returns503NotWritable()
    {
        await using var app = new BotAppFactory(new Dictionary<string, string?>(StringComparer.Ordinal) { ["Storage:BusyTimeout"] = "00:00:00" });
        app.StartServer();
        using HttpClient client = app.CreateClient();
        await using var writer = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await writer.OpenAsync();
        using (SqliteCommand begin = writer.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        HttpResponseMessage response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("not writable", body.RootElement.GetProperty("checks").GetProperty("database").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_NoLanguageModelConfigured_ReportsLlmInactive()
    {
        await using var app = new BotAppFactory();
        app.StartServer();
        using HttpClient client = app.CreateClient();

        HttpResponseMessage response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        JsonElement llm = body.RootElement.GetProperty("llm");
        Assert.False(llm.GetProperty("active").GetBoolean());
        Assert.Equal(JsonValueKind.Null, llm.GetProperty("deployment").ValueKind);
    }

    private static async Task SetUserVersionAsync(string path, int version)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"PRAGMA user_version = {version};";
        await command.ExecuteNonQueryAsync();
    }
}
