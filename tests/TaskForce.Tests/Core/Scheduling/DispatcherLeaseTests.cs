using TaskForce.Core.Outbox;

namespace TaskForce.Tests.Core.Scheduling;

public sealed class DispatcherLeaseTests
{
    [Fact]
    public async Task DispatchDueAsync_SlowSendsPastHalfTheLease_GivesTheRestBackToAnotherDispatcher()
    {
        DateTimeOffset start = SchedulerHarness.Local("2030-03-05T09:00");
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(start);
        h.Outbox.Lease = TimeSpan.FromMinutes(2);
        long[] members = new long[5];
        for (int i = 0; i < members.Length; i++)
        {
            members[i] = await h.Data.MemberAsync();
        }

        await h.Store.EnqueueAsync(
            [.. members.Select(m => new NewOutboxJob(OutboxKinds.Reminder, $"k{m}", start, m, "{}"))], start, CancellationToken.None);
        bool slow = true;
        h.Delivery.BeforeCall = _ =>
        {
            if (slow)
            {
                h.Time.Advance(TimeSpan.FromSeconds(50)); // each send takes 50 s: a connector near its timeout
            }

            return Task.CompletedTask;
        };
        OutboxDispatcher first = h.NewDispatcher();
        OutboxDispatcher other = h.NewDispatcher(database: h.NewDatabase());

        DispatchSummary firstSummary = await first.DispatchDueAsync(CancellationToken.None);
        slow = false;
        DispatchSummary otherSummary = await other.DispatchDueAsync(CancellationToken.None);

        // Sends start at 0 s and 50 s; at 100 s less than half of the two-minute lease is left.
        Assert.Equal((2, 3), (firstSummary[DispatchOutcome.Sent], firstSummary[DispatchOutcome.LeaseLost]));
        Assert.Equal(3, otherSummary[DispatchOutcome.Sent]);
        Assert.Equal(5, h.Delivery.Delivered.Select(c => c.Job.Id).Distinct().Count());
        Assert.Equal(5, h.Delivery.Calls.Count);
        Assert.All(await h.Reads.ListAllAsync(CancellationToken.None), job => Assert.Equal(OutboxState.Sent, job.State));
    }
}
