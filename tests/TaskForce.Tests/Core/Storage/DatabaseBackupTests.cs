using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Storage;
using TaskForce.Tests.Core.Roster;

namespace TaskForce.Tests.Core.Storage;

public sealed class DatabaseBackupTests
{
    [Fact]
    public async Task BackupAsync_ImportedRoster_CopyIsReadableAndComplete()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);
        string copy = Path.Combine(Path.GetTempPath(), $"tf-backup-{Guid.NewGuid():N}.db");
        try
        {
            await new DatabaseBackup(db.Connections).BackupAsync(copy, CancellationToken.None);

            await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False;Mode=ReadOnly");
            await connection.OpenAsync();
            Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check;"));
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Tasks WHERE Key = 'T1';"));
            Assert.Equal(Migrator.LatestVersion, await connection.ExecuteScalarAsync<long>("PRAGMA user_version;"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(copy);
        }
    }

    [Fact]
    public async Task BackupAsync_DestinationExists_RefusesToOverwrite()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        string existing = Path.GetTempFileName();
        try
        {
            await Assert.ThrowsAsync<IOException>(() => new DatabaseBackup(db.Connections).BackupAsync(existing, CancellationToken.None));

            Assert.Equal(0, new FileInfo(existing).Length);
        }
        finally
        {
            File.Delete(existing);
        }
    }
}
