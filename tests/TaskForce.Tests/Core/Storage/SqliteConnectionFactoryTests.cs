using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using TaskForce.Core.Storage;

namespace TaskForce.Tests.Core.Storage;

public sealed class SqliteConnectionFactoryTests
{
    [Fact]
    public async Task OpenAsync_PooledConnectionReopened_KeepsPragmas()
    {
        string path = Path.Combine(Path.GetTempPath(), $"tf-test-{Guid.NewGuid():N}.db");
        var factory = new SqliteConnectionFactory(Options.Create(new StorageOptions
        {
            ConnectionString = $"Data Source={path}",
            Synchronous = "NORMAL",
            BusyTimeout = TimeSpan.FromSeconds(3),
        }));
        try
        {
            for (int open = 0; open < 3; open++)
            {
                await using SqliteConnection connection = await factory.OpenAsync(CancellationToken.None);

                Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys;"));
                Assert.Equal(3000, await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout;"));
                Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous;"));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
