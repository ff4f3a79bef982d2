using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Roster;

namespace TaskForce.Tests.Core.Roster;

public sealed class RosterImporterTests
{
    [Fact]
    public async Task ImportFileAsync_DemoRoster_CreatesEveryEntity()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();

        RosterImportResult result = await RosterTestData.Importer(db).ImportFileAsync(RosterTestData.DemoPath, "cli:import", CancellationToken.None);

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        Assert.Equal(3, await RosterTestData.CountAsync(db, "SELECT COUNT(*) FROM Campaigns;"));
        Assert.Equal(16, await RosterTestData.CountAsync(db, "SELECT COUNT(*) FROM Tasks;"));
        Assert.Equal(16, await RosterTestData.CountAsync(db, "SELECT COUNT(*) FROM Reports;"));
        Assert.Equal(7, await RosterTestData.CountAsync(db, "SELECT COUNT(*) FROM Blockers WHERE State = 'open';"));
        Assert.Equal(6, await RosterTestData.CountAsync(db, "SELECT COUNT(*) FROM Meetings;"));
        Assert.Equal(0, await RosterTestData.CountAsync(db, "SELECT COUNT(*) FROM Members m WHERE NOT EXISTS (SELECT 1 FROM MemberRoles r WHERE r.MemberId = m.Id);"));
        Assert.Equal(0, await RosterTestData.CountAsync(db, "SELECT COUNT(*) FROM Members WHERE Email IS NULL;"));
        Assert.Equal(1, await RosterTestData.CountAsync(db, "SELECT COUNT(*) FROM Members WHERE AadObjectId = '00000000-0000-0000-0000-0000000000020';"));
        Assert.Equal(1, await RosterTestData.CountAsync(db, "SELECT COUNT(*) FROM CalendarDays WHERE Date = '2026-01-04' AND Kind = 'workday';"));
        Assert.Equal(16, result.Created["Task"]);
    }

    [Fact]
    public async Task ImportFileAsync_DemoRoster_HasEveryProgressState()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();

        await RosterTestData.Importer(db).ImportFileAsync(RosterTestData.DemoPath, "cli:import", CancellationToken.None);

        await using SqliteConnection connection = await db.OpenAsync();
        string[] statuses = [.. await connection.QueryAsync<string>("SELECT DISTINCT LatestStatus FROM Tasks ORDER BY 1;")];
        Assert.Equal(["behind", "done", "on_track"], statuses);
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Tasks WHERE Deadline < '2026-11-29' AND LatestPercent < 100;") >= 2);
        Assert.Equal(3, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Tasks WHERE KeySupervision = 1;"));
    }

    [Fact]
    public async Task ImportAsync_SameFileTwice_SecondWritesNothing()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);
        (string hash, string dump) before = await RosterTestData.FingerprintAsync(db);

        RosterImportResult result = await RosterTestData.ImportTextAsync(db, RosterTestData.Small);

        Assert.True(result.NoChanges);
        Assert.EndsWith("no changes", result.Summary, StringComparison.Ordinal);
        Assert.Equal(before, await RosterTestData.FingerprintAsync(db));
    }

    [Fact]
    public async Task ImportFileAsync_DemoRosterTwice_SecondWritesNothing()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        RosterImporter importer = RosterTestData.Importer(db);
        await importer.ImportFileAsync(RosterTestData.DemoPath, "cli:import", CancellationToken.None);
        long auditRows = await RosterTestData.CountAsync(db, "SELECT COUNT(*) FROM AuditLog;");
        (string hash, string dump) before = await RosterTestData.FingerprintAsync(db);

        RosterImportResult result = await importer.ImportFileAsync(RosterTestData.DemoPath, "cli:import", CancellationToken.None);

        Assert.True(result.NoChanges);
        Assert.Equal(auditRows, await RosterTestData.CountAsync(db, "SELECT COUNT(*) FROM AuditLog;"));
        Assert.Equal(before, await RosterTestData.FingerprintAsync(db));
    }

    [Fact]
    public async Task ImportAsync_ChangedFile_UpdatesByKeyWithoutDuplicates()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);
        string changed = RosterTestData.Small
            .Replace("title: Task one", "title: Task one, renamed", StringComparison.Ordinal)
            .Replace("name: Alice", "name: Alice Liu", StringComparison.Ordinal)
            .Replace("FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=TU", StringComparison.Ordinal);

        RosterImportResult result = await RosterTestData.ImportTextAsync(db, changed);

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        Assert.Equal(new Dictionary<string, int> { ["Meeting"] = 1, ["Member"] = 1, ["Task"] = 1 }, result.Updated);
        Assert.Empty(result.Created);
        await using SqliteConnection connection = await db.OpenAsync();
        Assert.Equal("Task one, renamed", await connection.ExecuteScalarAsync<string>("SELECT Title FROM Tasks WHERE Key = 'T1';"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Tasks;"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Members;"));
        Assert.Equal(3, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM MemberRoles;"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Reports;"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Blockers;"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Milestones;"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("SELECT Version FROM Meetings WHERE Key = 'weekly';"));
    }

    [Fact]
    public async Task ImportAsync_NewFile_AuditLogRecordsTheImportAndEachRow()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();

        await RosterTestData.ImportTextAsync(db, RosterTestData.Small, "team.yaml");

        await using SqliteConnection connection = await db.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM AuditLog WHERE Actor = 'cli:import' AND Action = 'import' AND Entity = 'Roster' AND EntityId = 'team.yaml';"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM AuditLog WHERE Action = 'create' AND Entity = 'Task' AND EntityId = 'T1' AND Before IS NULL AND After LIKE '%Task one%';"));
        Assert.Equal(RosterTestData.Now.ToUnixTimeMilliseconds(), await connection.ExecuteScalarAsync<long>("SELECT MAX(AtMs) FROM AuditLog;"));
    }

    [Fact]
    public async Task ImportAsync_UpdatedRow_AuditKeepsBeforeAndAfter()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);

        await RosterTestData.ImportTextAsync(db, RosterTestData.Small.Replace("name: Dept B", "name: Dept Bee", StringComparison.Ordinal));

        await using SqliteConnection connection = await db.OpenAsync();
        (string before, string after) = await connection.QuerySingleAsync<(string, string)>(
            "SELECT Before, After FROM AuditLog WHERE Action = 'update' AND Entity = 'Department';");
        Assert.Contains("Dept B\"", before, StringComparison.Ordinal);
        Assert.Contains("Dept Bee", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_SeededProgress_SetsLatestOnTask()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();

        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);

        await using SqliteConnection connection = await db.OpenAsync();
        (long percent, string status, long atMs) = await connection.QuerySingleAsync<(long, string, long)>(
            "SELECT LatestPercent, LatestStatus, LatestReportAtMs FROM Tasks WHERE Key = 'T1';");
        Assert.Equal(50, percent);
        Assert.Equal("on_track", status);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), atMs); // 10:00 in Shanghai
    }
}
