using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.IntegrationTests.Infrastructure;

namespace TaskForce.IntegrationTests;

public sealed class DemoRosterStartupTests
{
    [Fact]
    public async Task Start_EmptyDatabase_ImportsDemoRosterAndServesHealth()
    {
        await using var app = new BotAppFactory();
        app.StartServer();
        using HttpClient client = app.CreateClient();

        HttpResponseMessage response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        Assert.Equal(3, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Campaigns;"));
        Assert.Equal(16, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Tasks;"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM AuditLog WHERE Action = 'import' AND Actor = 'system:demo-roster';"));
    }

    [Fact]
    public async Task Start_DemoImportDisabled_LeavesDatabaseEmpty()
    {
        await using var app = new BotAppFactory(new Dictionary<string, string?> { ["Roster:ImportDemoWhenEmpty"] = "false" });
        app.StartServer();
        using HttpClient client = app.CreateClient();

        HttpResponseMessage response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Campaigns;"));
    }
}
