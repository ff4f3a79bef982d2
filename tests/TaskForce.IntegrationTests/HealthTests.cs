using System.Net;
using System.Text.Json;
using TaskForce.IntegrationTests.Infrastructure;

namespace TaskForce.IntegrationTests;

public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_FreshDatabase_ReportsOkAndSchemaVersion()
    {
        await using var app = new BotAppFactory();
        app.StartServer();
        using HttpClient client = app.CreateClient();

        HttpResponseMessage response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("database").GetString());
        Assert.True(body.RootElement.GetProperty("schemaVersion").GetInt32() >= 1);
        Assert.True(File.Exists(app.DatabasePath));
    }
}
