using TaskForce.Core.Blockers;
using TaskForce.Core.Escalation;
using TaskForce.Core.Outbox;
using TaskForce.Tests.Core.Scheduling;

namespace TaskForce.Tests.Core.Escalation;

public sealed class StaleNoticesTests
{
    [Fact]
    public async Task WhyStale_EscalationToALevelTheBlockerHasPassed_IsStaleAndTheReporterNoticeIsNot()
    {
        // Critical: 2 working hours per level to acknowledge. Raised Monday 09:00: commander at 11:00, city leader at 14:30.
        DateTimeOffset raised = SchedulerHarness.Local("2030-03-04T09:00");
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(raised);
        (_, long task, long reporter, long teamLead, _, _) = await EscalationServiceTests.LadderAsync(h);
        await h.Data.BlockerAsync(task, reporter, "critical", raised, ownerId: teamLead);
        await h.EscalationService.CheckAsync(SchedulerHarness.Local("2030-03-04T15:00"), CancellationToken.None);
        IReadOnlyList<OutboxJob> jobs = await h.Reads.ListAllAsync(CancellationToken.None);
        var stale = new StaleNotices(new EscalationStore(h.Database));

        OutboxJob toCommander = jobs.Single(j => j.Kind == OutboxKinds.Escalation && j.IdempotencyKey.EndsWith(":L1", StringComparison.Ordinal));
        OutboxJob toCityLeader = jobs.Single(j => j.Kind == OutboxKinds.Escalation && j.IdempotencyKey.EndsWith(":L2", StringComparison.Ordinal));

        Assert.StartsWith("superseded:", await stale.WhyStaleAsync(toCommander, CancellationToken.None), StringComparison.Ordinal);
        Assert.Null(await stale.WhyStaleAsync(toCityLeader, CancellationToken.None));
        foreach (OutboxJob notice in jobs.Where(j => j.Kind == OutboxKinds.EscalationNotice))
        {
            Assert.Null(await stale.WhyStaleAsync(notice, CancellationToken.None));
        }
    }

    [Theory]
    [InlineData(BlockerStates.Open, false, false)]
    [InlineData(BlockerStates.Acknowledged, true, false)]
    [InlineData(BlockerStates.Resolved, true, true)]
    [InlineData(BlockerStates.Closed, true, true)]
    public async Task WhyStale_AssignedAndEscalatedBlockerInEachState_StaleOnceItCanNoLongerBeDone(string state, bool assignedStale, bool escalationStale)
    {
        DateTimeOffset raised = SchedulerHarness.Local("2030-03-04T09:00");
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(raised);
        (_, long task, long reporter, long teamLead, _, _) = await EscalationServiceTests.LadderAsync(h);
        long blocker = await h.Data.BlockerAsync(task, reporter, "high", raised, ownerId: teamLead, state: state);
        var stale = new StaleNotices(new EscalationStore(h.Database));
        OutboxJob assigned = Job(BlockerNotices.Assigned, blocker, "{}");
        OutboxJob repeat = Job(OutboxKinds.EscalationRepeat, blocker, "{}");

        Assert.Equal(assignedStale, await stale.WhyStaleAsync(assigned, CancellationToken.None) is not null);
        Assert.Equal(escalationStale, await stale.WhyStaleAsync(repeat, CancellationToken.None) is not null);
        Assert.Null(await stale.WhyStaleAsync(Job(BlockerNotices.Update, blocker, "{}"), CancellationToken.None));
    }

    private static OutboxJob Job(string kind, long blockerId, string payload)
    {
        DateTimeOffset at = SchedulerHarness.Local("2030-03-04T09:00");
        return new(1, kind, kind + ":" + blockerId, at, null, null, null, blockerId, payload, OutboxState.Pending, 0, at, null, null, false, at, null);
    }
}
