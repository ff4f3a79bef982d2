using TaskForce.Core.Outbox;

namespace TaskForce.Tests.Core.Scheduling;

public sealed class DispatcherPacingTests
{
    [Fact]
    public async Task DispatchDueAsync_ThreeJobsToOneMemberThrottled_AttemptsStayOneIntervalApart()
    {
        DateTimeOffset start = SchedulerHarness.Local("2030-03-05T09:00");
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(start);
        long member = await h.Data.MemberAsync();
        await h.Store.EnqueueAsync(
            [.. Enumerable.Range(0, 3).Select(i => new NewOutboxJob(OutboxKinds.Reminder, $"k{i}", start, member, "{}"))], start, CancellationToken.None);
        h.Delivery.Behaviour = _ => h.Time.GetUtcNow() < start.AddSeconds(30)
            ? new DeliveryResult.RetryLater(TimeSpan.FromSeconds(2), "429")
            : DeliveryResult.Success;
        OutboxDispatcher dispatcher = h.NewDispatcher();

        for (int tick = 0; tick < 900; tick++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            h.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        DateTimeOffset[] attempts = [.. h.Delivery.Calls.Select(c => c.At)];
        Assert.True(attempts.Length > 3, $"{attempts.Length} attempts");
        Assert.All(attempts.Zip(attempts.Skip(1)), pair => Assert.True(pair.Second - pair.First >= h.Outbox.PerConversationInterval, $"{pair.First:ss.fff} → {pair.Second:ss.fff}"));
        Assert.Equal(3, h.Delivery.Delivered.Count);
    }
}
