using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Storage;
using TaskForce.Tests.Core.Domain;

namespace TaskForce.Tests.Core.Storage;

public sealed class MigratorTests
{
    [Fact]
    public async Task MigrateAsync_EmptyFile_AppliesEveryScriptAndEnablesWal()
    {
        await using var db = new TempDatabase();

        int version = await db.Migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal(Migrator.LatestVersion, version);
        await using SqliteConnection connection = await db.OpenAsync();
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode;"));
        string[] tables = [.. await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table';")];
        Assert.Contains("Tasks", tables);
        Assert.Contains("Outbox", tables);
        Assert.Contains("AuditLog", tables);
    }

    [Fact]
    public async Task MigrateAsync_AlreadyMigrated_ChangesNothing()
    {
        await using var db = await TempDatabase.CreateMigratedAsync();
        byte[] before = await SnapshotAsync(db);

        int version = await db.Migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal(Migrator.LatestVersion, version);
        Assert.Equal(before, await SnapshotAsync(db));
    }

    [Fact]
    public async Task OpenAsync_Connection_HasForeignKeysAndConfiguredSynchronous()
    {
        await using var db = await TempDatabase.CreateMigratedAsync();

        await using SqliteConnection connection = await db.OpenAsync();

        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys;"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous;")); // 2 = FULL
    }

    [Fact]
    public async Task WriteAsync_WorkThrows_RollsBackEverything()
    {
        await using var db = await TempDatabase.CreateMigratedAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Database.WriteAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync("INSERT INTO Departments (Key, Name) VALUES ('d1', 'x');", transaction: transaction);
                throw new InvalidOperationException("boom");
            },
            CancellationToken.None));

        await using SqliteConnection check = await db.OpenAsync();
        Assert.Equal(0, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Departments;"));
    }

    [Fact]
    public async Task StatusPerReportScript_StatusInheritedByAPercentOnlyReport_IsCleared()
    {
        await using var db = await TempDatabase.CreateMigratedAsync();
        var data = new DomainBuilder(db);
        long department = await data.DepartmentAsync();
        long campaign = await data.CampaignAsync();
        long owner = await data.MemberAsync(campaignId: campaign);
        long inherited = await data.TaskAsync(campaign, owner, department, title: "a");
        long statusOnly = await data.TaskAsync(campaign, owner, department, title: "b");
        await using SqliteConnection connection = await db.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO Reports (TaskId, ReporterMemberId, Percent, Status, Text, CreatedAtMs) VALUES
                (@Inherited, @Owner, 30, 'behind', '', 1), (@Inherited, @Owner, 60, NULL, '', 2),
                (@StatusOnly, @Owner, 30, NULL, '', 1), (@StatusOnly, @Owner, NULL, 'behind', '', 2);
            UPDATE Tasks SET LatestStatus = 'behind' WHERE Id IN (@Inherited, @StatusOnly);
            """,
            new { Inherited = inherited, StatusOnly = statusOnly, Owner = owner });

        await connection.ExecuteAsync(Migrator.Scripts.Single(s => s.Name.Contains("status_per_report", StringComparison.Ordinal)).Sql);

        Assert.Null(await connection.ExecuteScalarAsync<string?>("SELECT LatestStatus FROM Tasks WHERE Id = @Id;", new { Id = inherited }));
        Assert.Equal("behind", await connection.ExecuteScalarAsync<string?>("SELECT LatestStatus FROM Tasks WHERE Id = @Id;", new { Id = statusOnly }));
    }

    private static async Task<byte[]> SnapshotAsync(TempDatabase db)
    {
        await using SqliteConnection connection = await db.OpenAsync();
        await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        IEnumerable<string> schema = await connection.QueryAsync<string>("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name;");
        long version = await connection.ExecuteScalarAsync<long>("PRAGMA user_version;");
        return System.Text.Encoding.UTF8.GetBytes(string.Join('\n', schema) + version);
    }
}
