using System.Net;
using TaskForce.Core.Outbox;
using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Scheduling.ScheduleRosters;
using static TaskForce.IntegrationTests.Scheduling.SchedulingHost;

namespace TaskForce.IntegrationTests.Scheduling;

/// <summary>A throttled proactive send with the default connector settings (inline retries on for replies).</summary>
public sealed class ProactiveSendTests
{
    [Fact]
    public async Task Dispatch_ConnectorAnswers429_BackToTheOutboxAtOnceHonouringRetryAfter()
    {
        DateTimeOffset monday = Local("2030-03-04T08:00");
        string roster = Build(
            Staff(["m01"]),
            [Meeting("ocean-weekly", "ocean", OceanWeekly, "FREQ=WEEKLY;BYDAY=TU", "2030-03-05T15:00", [RoleAttendee("staff")])]);
        await using SchedulingHost host = await StartAsync(monday, roster);
        await host.TalkAsync("m01");
        await host.Planner.RemindNowAsync("ocean-weekly", TimeSpan.FromMinutes(1), monday, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        host.Connector.Enqueue(new ConnectorAnswer(HttpStatusCode.TooManyRequests, RetryAfterSeconds: 5));

        // An inline retry would wait on the fake clock, which does not move: the dispatch would never return.
        DispatchSummary summary = await host.Dispatcher.DispatchDueAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, summary[DispatchOutcome.Retrying]);
        Assert.Single(host.Connector.Calls);
        OutboxRecord job = Assert.Single(await host.OutboxAsync(), r => r.IdempotencyKey.StartsWith("demo:", StringComparison.Ordinal));
        Assert.Equal(("retrying", 1L), (job.State, job.Attempts));
        long nextAttemptMs = await host.ScalarAsync("SELECT NextAttemptAtMs FROM Outbox WHERE Id = @Id;", new { job.Id });
        Assert.True(nextAttemptMs >= host.Time.GetUtcNow().AddSeconds(5).ToUnixTimeMilliseconds());
    }
}
