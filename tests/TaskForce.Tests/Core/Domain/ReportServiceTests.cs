using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TaskForce.Core.Members;
using TaskForce.Core.Reports;
using TaskForce.Core.Tasks;

namespace TaskForce.Tests.Core.Domain;

public sealed class ReportServiceTests
{
    private static readonly DateOnly s_today = new(2026, 11, 30);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task SaveAsync_OwnTask_SavesAndUpdatesLatestStateAndAudit()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        (Member staff, long taskId, DomainBuilder data) = await ArrangeAsync(db);

        ReportResult result = await db.Database.WriteAsync(
            session => Service(db).SaveAsync(session, staff, new ReportDraft(taskId, 70, null, "本周完成招标"), "msteams", "a1", s_today, CancellationToken.None),
            CancellationToken.None);

        Assert.Equal(ReportOutcome.Saved, result.Outcome);
        Assert.Equal(70, result.Task!.Percent);
        await using SqliteConnection c = await db.OpenAsync();
        Assert.Equal(70, await c.ExecuteScalarAsync<long>("SELECT LatestPercent FROM Tasks WHERE Id = @taskId;", new { taskId }));
        Assert.Equal(1, await data.CountAsync("AuditLog"));
    }

    [Fact]
    public async Task SaveAsync_SameActivityTwice_SavesOnce()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        (Member staff, long taskId, DomainBuilder data) = await ArrangeAsync(db);
        ReportService service = Service(db);

        for (int i = 0; i < 2; i++)
        {
            await db.Database.WriteAsync(
                session => service.SaveAsync(session, staff, new ReportDraft(taskId, 70, null, ""), "msteams", "same-id", s_today, CancellationToken.None),
                CancellationToken.None);
        }

        Assert.Equal(1, await data.CountAsync("Reports"));
    }

    [Fact]
    public async Task SaveAsync_SomeoneElsesTask_RefusedAndNothingWritten()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        (_, long taskId, DomainBuilder data) = await ArrangeAsync(db);
        long otherId = await data.MemberAsync();
        Member other = (await new MemberStore(db.Connections).GetAsync(otherId, CancellationToken.None))!;

        ReportResult result = await db.Database.WriteAsync(
            session => Service(db).SaveAsync(session, other, new ReportDraft(taskId, 50, null, ""), "msteams", "a2", s_today, CancellationToken.None),
            CancellationToken.None);

        Assert.Equal(ReportOutcome.NotAllowed, result.Outcome);
        Assert.Equal(0, await data.CountAsync("Reports"));
    }

    [Fact]
    public async Task SaveAsync_DoneWithoutPercent_RecordsHundredPercent()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        (Member staff, long taskId, _) = await ArrangeAsync(db);

        ReportResult result = await db.Database.WriteAsync(
            session => Service(db).SaveAsync(session, staff, new ReportDraft(taskId, null, ReportStatuses.Done, "已完成"), "msteams", "a3", s_today, CancellationToken.None),
            CancellationToken.None);

        Assert.Equal(100, result.Task!.Percent);
        Assert.Equal(Light.Done, result.Task.Light);
    }

    [Fact]
    public async Task AmendLastAsync_AfterReport_ReplacesFiguresAndAuditsBeforeAndAfter()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        (Member staff, long taskId, DomainBuilder data) = await ArrangeAsync(db);
        ReportService service = Service(db);
        await db.Database.WriteAsync(session => service.SaveAsync(session, staff, new ReportDraft(taskId, 70, null, ""), "msteams", "a4", s_today, CancellationToken.None), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));

        ReportResult amended = await db.Database.WriteAsync(
            session => service.AmendLastAsync(session, staff, new ReportDraft(0, 80, null, ""), s_today, CancellationToken.None), CancellationToken.None);

        Assert.Equal(80, amended.Task!.Percent);
        Assert.Equal(1, await data.CountAsync("Reports"));
        await using SqliteConnection c = await db.OpenAsync();
        Assert.Equal("amend", await c.ExecuteScalarAsync<string>("SELECT Action FROM AuditLog ORDER BY Id DESC LIMIT 1;"));
    }

    [Fact]
    public async Task SaveAsync_PercentOnlyAfterBehindReport_ClearsTheStatusAndStaysGreen()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        (Member staff, long taskId, _) = await ArrangeAsync(db); // 序时进度 74 %
        ReportService service = Service(db);
        await db.Database.WriteAsync(
            session => service.SaveAsync(session, staff, new ReportDraft(taskId, 50, ReportStatuses.Behind, "滞后"), "msteams", "b1", s_today, CancellationToken.None),
            CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));

        ReportResult result = await db.Database.WriteAsync(
            session => service.SaveAsync(session, staff, new ReportDraft(taskId, 80, null, "完成80%"), "msteams", "b2", s_today, CancellationToken.None),
            CancellationToken.None);

        Assert.Null(result.Task!.Status);
        Assert.Equal(Light.Green, result.Task.Light);
        Assert.Null(result.Task.Reason);
        await using SqliteConnection c = await db.OpenAsync();
        Assert.Null(await c.ExecuteScalarAsync<string?>("SELECT LatestStatus FROM Tasks WHERE Id = @taskId;", new { taskId }));
    }

    [Fact]
    public async Task SaveAsync_StatusOnlyAfterPercent_KeepsThePercentAndTakesTheStatus()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        (Member staff, long taskId, _) = await ArrangeAsync(db);
        ReportService service = Service(db);
        await db.Database.WriteAsync(
            session => service.SaveAsync(session, staff, new ReportDraft(taskId, 70, null, ""), "msteams", "c1", s_today, CancellationToken.None),
            CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));

        ReportResult result = await db.Database.WriteAsync(
            session => service.SaveAsync(session, staff, new ReportDraft(taskId, null, ReportStatuses.Behind, "滞后"), "msteams", "c2", s_today, CancellationToken.None),
            CancellationToken.None);

        Assert.Equal(70, result.Task!.Percent);
        Assert.Equal(ReportStatuses.Behind, result.Task.Status);
        Assert.Equal(Light.Yellow, result.Task.Light);
        Assert.Equal(new LightReason(LightReasonKind.ReportedBehind, PointsBehind: 4), result.Task.Reason);
    }

    [Fact]
    public async Task SaveAsync_BehindAheadOfPace_NeitherYellowNorShownBehind()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        (Member staff, long taskId, _) = await ArrangeAsync(db);

        ReportResult result = await db.Database.WriteAsync(
            session => Service(db).SaveAsync(session, staff, new ReportDraft(taskId, 80, ReportStatuses.Behind, "80% 滞后"), "msteams", "d1", s_today, CancellationToken.None),
            CancellationToken.None);

        Assert.Equal(Light.Green, result.Task!.Light);
        Assert.Null(result.Task.Status);
        Assert.Null(result.Task.Reason);
    }

    private ReportService Service(TempDatabase db) =>
        new(new TaskStore(db.Connections, Options.Create(new TrafficLightOptions())), _time);

    private static async Task<(Member Staff, long TaskId, DomainBuilder Data)> ArrangeAsync(TempDatabase db)
    {
        var data = new DomainBuilder(db);
        long department = await data.DepartmentAsync();
        long campaign = await data.CampaignAsync();
        long staffId = await data.MemberAsync(Roles.Staff, campaign);
        long taskId = await data.TaskAsync(campaign, staffId, department);
        Member staff = (await new MemberStore(db.Connections).GetAsync(staffId, CancellationToken.None))!;
        return (staff, taskId, data);
    }
}
