using System.Text.Json;
using TaskForce.Core.Outbox;
using TaskForce.Tests.Core.Scheduling;

namespace TaskForce.Tests.Core.Outbox;

public sealed class OutboxDispatcherTests
{
    private static readonly DateTimeOffset s_tuesday = SchedulerHarness.Local("2030-03-05T09:00");

    private static NewOutboxJob Job(string key, long memberId, DateTimeOffset due, DateTimeOffset? notAfter = null, bool critical = false, string kind = OutboxKinds.Reminder) =>
        new(kind, key, due, memberId, "{\"n\":1}", NotAfter: notAfter, Critical: critical);

    private static async Task<long[]> MembersAsync(SchedulerHarness h, int count)
    {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++)
        {
            ids[i] = await h.Data.MemberAsync();
        }

        return ids;
    }

    [Fact]
    public async Task DispatchDueAsync_StoppedMidBatch_NewDispatcherContinuesWithoutDuplicateOrLoss()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_tuesday);
        long[] members = await MembersAsync(h, 10);
        await h.Store.EnqueueAsync([.. members.Select(m => Job($"k{m}", m, s_tuesday))], s_tuesday, CancellationToken.None);
        h.Delivery.BeforeCall = index => index == 4 ? throw new OperationCanceledException("host stopping") : Task.CompletedTask;
        OutboxDispatcher first = h.NewDispatcher();

        await Assert.ThrowsAsync<OperationCanceledException>(() => first.DispatchDueAsync(CancellationToken.None));
        h.Delivery.BeforeCall = null;
        OutboxDispatcher second = h.NewDispatcher(database: h.NewDatabase());
        DispatchSummary whileLeased = await second.DispatchDueAsync(CancellationToken.None);
        h.Time.Advance(h.Outbox.Lease);
        await SchedulerHarness.DrainAsync(second);

        Assert.Equal(0, whileLeased.Claimed);
        Assert.Equal(10, h.Delivery.Delivered.Count);
        Assert.Equal(10, h.Delivery.Delivered.Select(c => c.Job.Id).Distinct().Count());
        Assert.All(await h.Reads.ListAllAsync(CancellationToken.None), job => Assert.Equal(OutboxState.Sent, job.State));
    }

    [Fact]
    public async Task DispatchDueAsync_TwoDispatchersOnOneFileInterleaved_NoDuplicates()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_tuesday);
        h.Outbox.BatchSize = 7;
        long[] members = await MembersAsync(h, 30);
        await h.Store.EnqueueAsync([.. members.SelectMany(m => new[] { Job($"a{m}", m, s_tuesday), Job($"b{m}", m, s_tuesday.AddSeconds(1)) })], s_tuesday, CancellationToken.None);
        h.Delivery.BeforeCall = async _ => await Task.Yield();
        OutboxDispatcher a = h.NewDispatcher();
        OutboxDispatcher b = h.NewDispatcher(database: h.NewDatabase());

        for (int round = 0; round < 40; round++)
        {
            await Task.WhenAll(a.DispatchDueAsync(CancellationToken.None), b.DispatchDueAsync(CancellationToken.None));
            h.Time.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.Equal(60, h.Delivery.Delivered.Count);
        Assert.Equal(60, h.Delivery.Delivered.Select(c => c.Job.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public async Task DispatchDueAsync_After26HoursDown_SendsLateOrSkipsWhenMeetingStarted()
    {
        // Down from Tuesday 08:00 to Wednesday 10:00 (26 h). Meeting A starts Wednesday 09:30, meeting B at 11:00.
        DateTimeOffset down = SchedulerHarness.Local("2030-03-05T08:00");
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(down);
        long[] m = await MembersAsync(h, 2);
        DateTimeOffset startA = SchedulerHarness.Local("2030-03-06T09:30");
        DateTimeOffset startB = SchedulerHarness.Local("2030-03-06T11:00");
        await h.Store.EnqueueAsync(
            [Job("a-1440", m[0], startA.AddDays(-1), startA), Job("a-30", m[0], startA.AddMinutes(-30), startA),
             Job("b-1440", m[1], startB.AddDays(-1), startB), Job("b-30", m[1], startB.AddMinutes(-30), startB)],
            down,
            CancellationToken.None);

        h.Time.Advance(TimeSpan.FromHours(26));
        OutboxDispatcher restarted = h.NewDispatcher();
        await SchedulerHarness.DrainAsync(restarted);
        h.Time.SetUtcNow(SchedulerHarness.Local("2030-03-06T10:30"));
        await SchedulerHarness.DrainAsync(restarted);

        Dictionary<string, OutboxJob> jobs = (await h.Reads.ListAllAsync(CancellationToken.None)).ToDictionary(j => j.IdempotencyKey);
        Assert.Equal(OutboxState.Skipped, jobs["a-1440"].State);
        Assert.Equal(OutboxDispatcher.MeetingStartedReason, jobs["a-30"].LastError);
        Assert.Equal([("b-1440", true), ("b-30", false)], h.Delivery.Delivered.Select(c => (c.Job.IdempotencyKey, c.Late)));
        Assert.Equal("late", jobs["b-1440"].LastError);
    }

    [Fact]
    public async Task DispatchDueAsync_429StormThenRecovery_AllDeliveredOnceWithPacing()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_tuesday);
        long[] m = await MembersAsync(h, 5);
        await h.Store.EnqueueAsync(
            [.. m.Select(id => Job($"k{id}", id, s_tuesday)), Job("same-1", m[0], s_tuesday), Job("same-2", m[0], s_tuesday)],
            s_tuesday,
            CancellationToken.None);
        DateTimeOffset stormEnd = s_tuesday.AddMinutes(1);
        h.Delivery.Behaviour = _ => h.Time.GetUtcNow() < stormEnd
            ? new DeliveryResult.RetryLater(TimeSpan.FromSeconds(2), "429")
            : DeliveryResult.Success;
        OutboxDispatcher dispatcher = h.NewDispatcher();

        for (int second = 0; second < 150; second++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(7, h.Delivery.Delivered.Count);
        Assert.Equal(7, h.Delivery.Delivered.Select(c => c.Job.Id).Distinct().Count());
        foreach (IGrouping<long, DeliveryCall> job in h.Delivery.Calls.GroupBy(c => c.Job.Id))
        {
            DateTimeOffset[] attempts = [.. job.Select(c => c.At)];
            Assert.All(attempts.Zip(attempts.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(2)));
        }

        DateTimeOffset[] toFirst = [.. h.Delivery.Delivered.Where(c => c.Job.RecipientMemberId == m[0]).Select(c => c.At).Order()];
        Assert.Equal(3, toFirst.Length);
        Assert.All(toFirst.Zip(toFirst.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1)));
        Assert.All(await h.Reads.ListAllAsync(CancellationToken.None), job => Assert.Equal(OutboxState.Sent, job.State));
    }

    [Fact]
    public async Task DispatchDueAsync_AlwaysThrottled_FailsAfterMaxAttempts()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_tuesday);
        h.Outbox.MaxAttempts = 3;
        long member = await h.Data.MemberAsync();
        await h.Store.EnqueueAsync([Job("k", member, s_tuesday)], s_tuesday, CancellationToken.None);
        h.Delivery.Behaviour = _ => new DeliveryResult.RetryLater(null, "503");
        OutboxDispatcher dispatcher = h.NewDispatcher();

        for (int i = 0; i < 10; i++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            h.Time.Advance(TimeSpan.FromMinutes(1));
        }

        OutboxJob job = Assert.Single(await h.Reads.ListAllAsync(CancellationToken.None));
        Assert.Equal((OutboxState.Failed, 3), (job.State, job.Attempts));
        Assert.Equal(3, h.Delivery.Calls.Count);
    }

    [Fact]
    public async Task DispatchDueAsync_RecipientUnreachable_MarksConversationDeadAndFailsJob()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_tuesday);
        long member = await h.Data.MemberAsync();
        long reference = await h.Data.ConversationAsync(member);
        await h.Store.EnqueueAsync([Job("k", member, s_tuesday)], s_tuesday, CancellationToken.None);
        h.Delivery.Behaviour = _ => new DeliveryResult.RecipientUnreachable("403 BotNotInConversationRoster");

        await h.NewDispatcher().DispatchDueAsync(CancellationToken.None);

        OutboxJob job = Assert.Single(await h.Reads.ListAllAsync(CancellationToken.None));
        Assert.Equal((OutboxState.Failed, "403 BotNotInConversationRoster"), (job.State, job.LastError));
        Assert.Equal(s_tuesday.ToUnixTimeMilliseconds(), await h.Data.ScalarAsync<long>("SELECT DeadAtMs FROM ConversationReferences WHERE Id = @Id", new { Id = reference }));
    }

    [Fact]
    public async Task DispatchDueAsync_FourthAndFifthMessageOfTheDay_AreFoldedIntoOneDigest()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_tuesday);
        long member = await h.Data.MemberAsync();
        await h.Store.EnqueueAsync(
            [.. Enumerable.Range(0, 5).Select(i => Job($"k{i}", member, s_tuesday.AddHours(i), kind: OutboxKinds.Nudge)), Job("critical", member, s_tuesday.AddHours(5), critical: true, kind: OutboxKinds.Nudge)],
            s_tuesday,
            CancellationToken.None);
        OutboxDispatcher dispatcher = h.NewDispatcher();

        for (int hour = 0; hour <= 5; hour++)
        {
            h.Time.SetUtcNow(s_tuesday.AddHours(hour));
            await SchedulerHarness.DrainAsync(dispatcher);
        }

        h.Time.SetUtcNow(SchedulerHarness.Local("2030-03-05T17:30"));
        await SchedulerHarness.DrainAsync(dispatcher);

        Assert.Equal(["k0", "k1", "k2", "critical", "digest:" + member + ":2030-03-05"], h.Delivery.Delivered.Select(c => c.Job.IdempotencyKey));
        Dictionary<string, OutboxJob> jobs = (await h.Reads.ListAllAsync(CancellationToken.None)).ToDictionary(j => j.IdempotencyKey);
        Assert.Equal((OutboxState.Digested, OutboxState.Digested), (jobs["k3"].State, jobs["k4"].State));
        JsonElement items = JsonDocument.Parse(h.Delivery.Delivered[^1].Job.Payload).RootElement.GetProperty("items");
        Assert.Equal(["k3", "k4"], items.EnumerateArray().Select(item => jobs.Values.Single(j => j.Id == item.GetProperty("jobId").GetInt64()).IdempotencyKey));
        Assert.Equal(1, items[0].GetProperty("payload").GetProperty("n").GetInt32());
    }

    [Theory]
    [InlineData(OutboxKinds.Reminder, true)]
    [InlineData(OutboxKinds.Escalation, false)]
    [InlineData(OutboxKinds.EscalationRepeat, false)]
    [InlineData(TaskForce.Core.Blockers.BlockerNotices.Assigned, false)]
    public async Task DispatchDueAsync_BudgetSpent_MeetingReminderAndActionNoticesStillGoAtOnce(string kind, bool meetingBound)
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_tuesday);
        long member = await h.Data.MemberAsync();
        DateTimeOffset due = s_tuesday.AddHours(4);
        await h.Store.EnqueueAsync(
            [
                .. Enumerable.Range(0, 3).Select(i => Job($"fyi{i}", member, s_tuesday.AddHours(i), kind: TaskForce.Core.Blockers.BlockerNotices.Update)),
                Job("urgent", member, due, notAfter: meetingBound ? due.AddMinutes(30) : null, kind: kind),
                Job("nudge", member, due, kind: OutboxKinds.Nudge),
            ],
            s_tuesday,
            CancellationToken.None);
        OutboxDispatcher dispatcher = h.NewDispatcher();

        for (int hour = 0; hour <= 4; hour++)
        {
            h.Time.SetUtcNow(s_tuesday.AddHours(hour));
            await SchedulerHarness.DrainAsync(dispatcher);
        }

        h.Time.Advance(TimeSpan.FromSeconds(2));
        await SchedulerHarness.DrainAsync(dispatcher);
        Dictionary<string, OutboxJob> jobs = (await h.Reads.ListAllAsync(CancellationToken.None)).ToDictionary(j => j.IdempotencyKey);
        Assert.Equal(OutboxState.Sent, jobs["urgent"].State);
        Assert.Equal(due, h.Delivery.Delivered.Single(c => c.Job.IdempotencyKey == "urgent").At);
        Assert.Equal(OutboxState.Digested, jobs["nudge"].State);
    }

    [Fact]
    public async Task DispatchDueAsync_MoreThanGlobalRate_DefersTheRestByOneSecond()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_tuesday);
        long[] members = await MembersAsync(h, 25);
        await h.Store.EnqueueAsync([.. members.Select(m => Job($"k{m}", m, s_tuesday))], s_tuesday, CancellationToken.None);
        OutboxDispatcher dispatcher = h.NewDispatcher();

        DispatchSummary first = await dispatcher.DispatchDueAsync(CancellationToken.None);
        DispatchSummary sameSecond = await dispatcher.DispatchDueAsync(CancellationToken.None);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        DispatchSummary nextSecond = await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal((20, 5), (first[DispatchOutcome.Sent], first[DispatchOutcome.Deferred]));
        Assert.Equal(0, sameSecond.Claimed);
        Assert.Equal(5, nextSecond[DispatchOutcome.Sent]);
    }
}
