using System.Text.Json;
using TaskForce.Core.Escalation;
using TaskForce.Core.Outbox;
using TaskForce.Tests.Core.Scheduling;

namespace TaskForce.Tests.Core.Escalation;

public sealed class EscalationServiceTests
{
    internal sealed record Ladder(long Campaign, long Task, long Reporter, long TeamLead, long Commander, long CityLeader);

    /// <summary>A campaign with a task, its reporter, and a team leader, commander and lead city leader.</summary>
    internal static async Task<Ladder> LadderAsync(SchedulerHarness h)
    {
        long campaign = await h.Data.CampaignAsync();
        long department = await h.Data.DepartmentAsync();
        long reporter = await h.Data.MemberAsync(department);
        long teamLead = await h.Data.MemberAsync(department);
        long commander = await h.Data.MemberAsync();
        long cityLeader = await h.Data.MemberAsync();
        await h.Data.RoleAsync(teamLead, "team_lead", campaign);
        await h.Data.RoleAsync(commander, "commander", campaign);
        await h.Data.RoleAsync(cityLeader, "city_leader", campaign);
        long task = await h.Data.TaskAsync(campaign, reporter, department);
        return new Ladder(campaign, task, reporter, teamLead, commander, cityLeader);
    }

    private static Task<long> LevelAsync(SchedulerHarness h, long blocker) =>
        h.Data.ScalarAsync<long>("SELECT Level FROM Blockers WHERE Id = @Id", new { Id = blocker });

    [Fact]
    public async Task CheckAsync_AcrossWeekendHolidayAndMakeUpDay_ClimbsWhenAcknowledgeSlaRunsOut()
    {
        // Low severity: 16 working hours to acknowledge. Raised Friday 16:00; Sunday is a make-up workday, Monday a
        // holiday: Friday 1.5 h + Sunday 7 h + Tuesday 7 h + Wednesday 0.5 h → Wednesday 09:30.
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(SchedulerHarness.Local("2030-03-08T16:00"));
        await h.Data.DayAsync("2030-03-10", "workday");
        await h.Data.DayAsync("2030-03-11", "holiday");
        Ladder l = await LadderAsync(h);
        long blocker = await h.Data.BlockerAsync(l.Task, l.Reporter, "low", h.Time.GetUtcNow(), ownerId: l.TeamLead);

        int before = await h.EscalationService.CheckAsync(SchedulerHarness.Local("2030-03-13T09:29"), CancellationToken.None);
        int at = await h.EscalationService.CheckAsync(SchedulerHarness.Local("2030-03-13T09:30"), CancellationToken.None);

        Assert.Equal((0, 1), (before, at));
        Assert.Equal(1, await LevelAsync(h, blocker));
        Assert.Equal(l.Commander, await h.Data.ScalarAsync<long>("SELECT OwnerMemberId FROM Blockers WHERE Id = @Id", new { Id = blocker }));
        Assert.Equal(
            SchedulerHarness.Local("2030-03-13T09:30").ToUnixTimeMilliseconds(),
            await h.Data.ScalarAsync<long>("SELECT LevelSinceMs FROM Blockers WHERE Id = @Id", new { Id = blocker }));
        Assert.Equal(
            "escalated:0:1:acknowledge-sla",
            await h.Data.ScalarAsync<string>("SELECT Kind || ':' || FromLevel || ':' || ToLevel || ':' || Note FROM BlockerEvents WHERE BlockerId = @Id", new { Id = blocker }));
        IReadOnlyList<OutboxJob> jobs = await h.Reads.ListAllAsync(CancellationToken.None);
        Assert.Equal(
            [(OutboxKinds.Escalation, l.Commander), (OutboxKinds.EscalationNotice, l.Reporter)],
            jobs.Select(j => (j.Kind, j.RecipientMemberId!.Value)));
        Assert.All(jobs, j => Assert.False(j.Critical));
        EscalationPayload payload = JsonSerializer.Deserialize(jobs[0].Payload, EscalationJson.Default.EscalationPayload)!;
        Assert.Equal((blocker, 0, 1, EscalationService.AcknowledgeReason), (payload.BlockerId, payload.FromLevel, payload.ToLevel, payload.Reason));
    }

    [Fact]
    public async Task CheckAsync_AcknowledgedButUnresolved_ClimbsOnResolveSla()
    {
        // Critical: 2 h to acknowledge, 8 h to resolve. Raised Monday 09:00, acknowledged 09:30 → resolve due Tuesday 10:00.
        DateTimeOffset raised = SchedulerHarness.Local("2030-03-04T09:00");
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(raised);
        Ladder l = await LadderAsync(h);
        long blocker = await h.Data.BlockerAsync(l.Task, l.Reporter, "critical", raised, ownerId: l.TeamLead, state: "acknowledged", acknowledgedAt: raised.AddMinutes(30));

        int afterAckSla = await h.EscalationService.CheckAsync(SchedulerHarness.Local("2030-03-04T15:00"), CancellationToken.None);
        int beforeResolveSla = await h.EscalationService.CheckAsync(SchedulerHarness.Local("2030-03-05T09:59"), CancellationToken.None);
        int atResolveSla = await h.EscalationService.CheckAsync(SchedulerHarness.Local("2030-03-05T10:00"), CancellationToken.None);

        Assert.Equal((0, 0, 1), (afterAckSla, beforeResolveSla, atResolveSla));
        Assert.Equal("open", await h.Data.ScalarAsync<string>("SELECT State FROM Blockers WHERE Id = @Id", new { Id = blocker }));
        Assert.Equal(EscalationService.ResolveReason, await h.Data.ScalarAsync<string>("SELECT Note FROM BlockerEvents WHERE BlockerId = @Id", new { Id = blocker }));
        Assert.All(await h.Reads.ListAllAsync(CancellationToken.None), j => Assert.True(j.Critical));
    }

    [Fact]
    public async Task CheckAsync_AfterLongDowntime_CatchesUpBothLevelsAndStopsAtTop()
    {
        DateTimeOffset raised = SchedulerHarness.Local("2030-03-04T09:00");
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(raised);
        Ladder l = await LadderAsync(h);
        long blocker = await h.Data.BlockerAsync(l.Task, l.Reporter, "critical", raised, ownerId: l.TeamLead);

        await h.EscalationService.CheckAsync(SchedulerHarness.Local("2030-03-04T16:00"), CancellationToken.None);

        // 09:00 + 2 h → level 1 at 11:00; 11:00 + 2 h (one hour before and one after lunch) → level 2 at 14:30.
        Assert.Equal(2, await LevelAsync(h, blocker));
        Assert.Equal(l.CityLeader, await h.Data.ScalarAsync<long>("SELECT OwnerMemberId FROM Blockers WHERE Id = @Id", new { Id = blocker }));
        Assert.Equal(
            SchedulerHarness.Local("2030-03-04T14:30").ToUnixTimeMilliseconds(),
            await h.Data.ScalarAsync<long>("SELECT LevelSinceMs FROM Blockers WHERE Id = @Id", new { Id = blocker }));
        Assert.Equal(2, await h.Data.ScalarAsync<long>("SELECT COUNT(*) FROM BlockerEvents WHERE BlockerId = @Id", new { Id = blocker }));
    }

    [Fact]
    public async Task CheckAsync_TopLevelPastSla_RepeatsOncePerWorkingDay()
    {
        DateTimeOffset since = SchedulerHarness.Local("2030-03-04T09:00");
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(since);
        Ladder l = await LadderAsync(h);
        long blocker = await h.Data.BlockerAsync(l.Task, l.Reporter, "high", since, level: 2, ownerId: l.CityLeader);

        string[] checks = ["2030-03-05T08:00", "2030-03-05T10:00", "2030-03-05T15:00", "2030-03-06T09:05", "2030-03-09T10:00", "2030-03-11T09:00"];
        foreach (string check in checks)
        {
            await h.EscalationService.CheckAsync(SchedulerHarness.Local(check), CancellationToken.None);
        }

        // High: acknowledge SLA 4 h → breached Monday 14:30; repeats on Tuesday, Wednesday and Monday, not Saturday.
        IReadOnlyList<OutboxJob> jobs = await h.Reads.ListAllAsync(CancellationToken.None);
        Assert.Equal(
            [$"escalation-repeat:{blocker}:2030-03-05", $"escalation-repeat:{blocker}:2030-03-06", $"escalation-repeat:{blocker}:2030-03-11"],
            jobs.Select(j => j.IdempotencyKey));
        Assert.All(jobs, j => Assert.Equal(l.CityLeader, j.RecipientMemberId));
        Assert.Equal(2, await LevelAsync(h, blocker));
    }

    [Fact]
    public async Task ResolveOwnerAsync_TaskInBattleWithLeader_LevelZeroIsTheLeader()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(SchedulerHarness.Local("2030-03-04T09:00"));
        Ladder l = await LadderAsync(h);
        long leader = await h.Data.MemberAsync();
        long battle = await h.Data.BattleAsync(l.Campaign, leader);
        long department = await h.Data.DepartmentAsync();
        long battleTask = await h.Data.TaskAsync(l.Campaign, l.Reporter, department, battleId: battle);

        long? inBattle = await h.EscalationService.ResolveOwnerAsync(battleTask, 0, CancellationToken.None);
        long? plain = await h.EscalationService.ResolveOwnerAsync(l.Task, 0, CancellationToken.None);
        long? commander = await h.EscalationService.ResolveOwnerAsync(battleTask, 1, CancellationToken.None);

        Assert.Equal((leader, l.TeamLead, l.Commander), (inBattle!.Value, plain!.Value, commander!.Value));
    }
}
