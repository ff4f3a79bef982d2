using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Campaigns;
using TaskForce.Core.Members;
using TaskForce.Tests.Core.Roster;

namespace TaskForce.Tests.Core.Campaigns;

public sealed class RosterCacheTests
{
    [Fact]
    public async Task GetAsync_NothingChanged_ReturnsSameSnapshot()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);
        var cache = new RosterCache();
        await using SqliteConnection connection = await db.OpenAsync();

        RosterSnapshot first = await cache.GetAsync(connection, CancellationToken.None);
        RosterSnapshot second = await cache.GetAsync(connection, CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal("Campaign", Assert.Single(first.Campaigns).Name);
        Assert.Equal(["Dept A", "Dept B"], first.Departments.Select(d => d.Name));
    }

    [Fact]
    public async Task GetAsync_ReimportRenamesTaskAndCampaign_NextSnapshotHasNewNames()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);
        var cache = new RosterCache();
        await using SqliteConnection connection = await db.OpenAsync();
        RosterSnapshot before = await cache.GetAsync(connection, CancellationToken.None);
        Assert.Equal("Task one", (await before.OpenTasksAsync(connection, CancellationToken.None))[0].Title);

        string renamed = RosterTestData.Small.Replace("title: Task one", "title: Task uno", StringComparison.Ordinal)
            .Replace("name: Campaign", "name: Offensive", StringComparison.Ordinal);
        Assert.True((await RosterTestData.ImportTextAsync(db, renamed)).Succeeded);
        RosterSnapshot after = await cache.GetAsync(connection, CancellationToken.None);

        Assert.NotSame(before, after);
        Assert.Equal("Task uno", (await after.OpenTasksAsync(connection, CancellationToken.None))[0].Title);
        Assert.Equal("Offensive", Assert.Single(after.Campaigns).Name);
    }

    [Fact]
    public async Task GetAsync_ReportUpdatesTaskLatestState_KeepsSnapshot()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);
        var cache = new RosterCache();
        await using SqliteConnection connection = await db.OpenAsync();
        RosterSnapshot before = await cache.GetAsync(connection, CancellationToken.None);

        await connection.ExecuteAsync("UPDATE Tasks SET LatestPercent = 80, LatestStatus = 'on_track', LatestReportAtMs = 5;");

        Assert.Same(before, await cache.GetAsync(connection, CancellationToken.None));
    }

    [Fact]
    public async Task FindMemberAsync_RoleAddedByAnotherConnection_NextSnapshotSeesRole()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);
        var cache = new RosterCache();
        await using SqliteConnection connection = await db.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO MemberAccounts (MemberId, ChannelId, UserId, LinkedAtMs, LinkedBy) SELECT Id, 'msteams', 'u-alice', 1, 'test' FROM Members WHERE Key = 'alice';");
        RosterSnapshot before = await cache.GetAsync(connection, CancellationToken.None);
        Member? staff = await before.FindMemberAsync(connection, "msteams", "u-alice", CancellationToken.None);
        Assert.False(staff!.IsLeader);

        await using (SqliteConnection other = await db.OpenAsync())
        {
            await other.ExecuteAsync("INSERT INTO MemberRoles (MemberId, Role, CampaignId) SELECT m.Id, 'team_lead', c.Id FROM Members m, Campaigns c WHERE m.Key = 'alice';");
        }

        RosterSnapshot after = await cache.GetAsync(connection, CancellationToken.None);
        Member? lead = await after.FindMemberAsync(connection, "msteams", "u-alice", CancellationToken.None);

        Assert.True(lead!.IsLeader);
        Assert.Null(await after.FindMemberAsync(connection, "msteams", "u-nobody", CancellationToken.None));
    }
}
