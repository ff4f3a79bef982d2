using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TaskForce.Core.Storage;

namespace TaskForce.Tests;

/// <summary>A private SQLite file per test, deleted afterwards.</summary>
internal sealed class TempDatabase : IAsyncDisposable
{
    public TempDatabase()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tf-test-{Guid.NewGuid():N}.db");
        Options = Microsoft.Extensions.Options.Options.Create(new StorageOptions { ConnectionString = $"Data Source={Path};Pooling=False" });
        Connections = new SqliteConnectionFactory(Options);
        Database = new Database(Connections);
        Migrator = new Migrator(Connections, NullLogger<Migrator>.Instance);
    }

    public string Path { get; }

    public IOptions<StorageOptions> Options { get; }

    public SqliteConnectionFactory Connections { get; }

    public Database Database { get; }

    public Migrator Migrator { get; }

    public static async Task<TempDatabase> CreateMigratedAsync()
    {
        var db = new TempDatabase();
        await db.Migrator.MigrateAsync(CancellationToken.None);
        return db;
    }

    public Task<SqliteConnection> OpenAsync() => Connections.OpenAsync(CancellationToken.None);

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
