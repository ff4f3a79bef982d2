using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace TaskForce.IntegrationTests.Infrastructure;

/// <summary>The real host on 127.0.0.1 with a random port and a private SQLite file.</summary>
internal sealed class BotAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);

    private readonly bool _ownsDatabase;

    // databasePath: an existing file to reuse (kept on dispose); null for a private file deleted afterwards.
    public BotAppFactory(IDictionary<string, string?>? settings = null, string? databasePath = null)
    {
        _ownsDatabase = databasePath is null;
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"tf-it-{Guid.NewGuid():N}.db");
        _settings["Storage:ConnectionString"] = $"Data Source={DatabasePath};Pooling=False";
        _settings["urls"] = "http://127.0.0.1:0";
        if (settings is not null)
        {
            foreach ((string key, string? value) in settings)
            {
                _settings[key] = value;
            }
        }

        // Kestrel without a port: the address is the "urls" setting above. UseKestrel(port) would make the factory
        // rewrite the server's addresses after Build() returns, while Program's own thread runs on into app.RunAsync()
        // and starts Kestrel. When Program wins (a restart, whose migrations are no-ops, under load) that rewrite
        // throws "IServerAddressesFeature.Addresses cannot be modified after the server has started".
        UseKestrel();
    }

    public string DatabasePath { get; }

    /// <summary>Replaces services after the host registered its own (e.g. a fixed outbound token provider).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach ((string key, string? value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (ConfigureServices is not null)
        {
            builder.ConfigureTestServices(ConfigureServices);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (!_ownsDatabase)
        {
            return;
        }

        foreach (string suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }
}
