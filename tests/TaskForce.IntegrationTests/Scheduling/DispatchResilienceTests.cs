using System.Net;
using TaskForce.Core.Outbox;
using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;
using static TaskForce.IntegrationTests.Scheduling.ScheduleRosters;
using static TaskForce.IntegrationTests.Scheduling.SchedulingHost;

namespace TaskForce.IntegrationTests.Scheduling;

/// <summary>
/// The dispatcher of the real host against failures: a process stopping mid-batch, two processes on one file,
/// a day of downtime, and a storm of 429s — judged by what reached the fake connector.
/// </summary>
public sealed class DispatchResilienceTests
{
    private static readonly string s_late = Text("reminders", "reminder-late");

    [Fact]
    public async Task Dispatch_ProcessStopsMidBatch_NewProcessDeliversTheRestWithoutDuplicates()
    {
        DateTimeOffset start = Local("2030-03-04T08:25");
        string roster = Build(
            Staff(Keys(1, 10)),
            [Meeting("ocean-weekly", "ocean", OceanWeekly, "FREQ=WEEKLY;BYDAY=MO", "2030-03-04T09:00", [RoleAttendee("staff")], offsets: "[30]")]);
        await using SchedulingHost host = await StartAsync(start, roster);
        await host.TalkAsync(Keys(1, 10));
        await host.Planner.MaterializeAsync(start, CancellationToken.None);
        host.Time.SetUtcNow(Local("2030-03-04T08:30"));
        using var stop = new CancellationTokenSource();
        int received = 0;
        // The process dies while its fourth send is on the wire: the channel never takes that one.
        host.Connector.Responder = _ =>
        {
            if (Interlocked.Increment(ref received) != 4)
            {
                return null;
            }

            stop.Cancel();
            return ConnectorAnswer.Drop;
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Dispatcher.DispatchDueAsync(stop.Token));
        int acceptedBeforeStop = host.Connector.Accepted.Count;
        long held = await host.ScalarAsync("SELECT COUNT(*) FROM Outbox WHERE State = 'pending' AND LeaseOwner IS NOT NULL;");
        host.Connector.Responder = null;
        await host.RestartAsync(TimeSpan.Zero);
        DispatchSummary whileLeased = await host.Dispatcher.DispatchDueAsync(CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(2)); // Outbox:Lease: the dead process's claims run out
        await host.DrainAsync();

        Assert.Equal(3, acceptedBeforeStop);
        Assert.True(held >= 6, $"{held} claims held");
        Assert.Equal(0, whileLeased.Claimed);
        Assert.Equal(10, host.Connector.Accepted.Count);
        Assert.All(Keys(1, 10), key => Assert.Single(host.Connector.Accepted, c => c.ConversationId == ConversationOf(key)));
        OutboxRecord[] today = [.. (await host.OutboxAsync()).Where(r => r.NotAfter == Local("2030-03-04T09:00"))];
        Assert.Equal(10, today.Length);
        Assert.All(today, r => Assert.Equal("sent", r.State));
    }

    [Fact]
    public async Task Dispatch_TwoProcessesOnOneFileInterleaved_NoDuplicateAtTheConnector()
    {
        DateTimeOffset start = Local("2030-03-04T08:00");
        string roster = Build(
            [.. Keys(1, 20).Select(k => Member(k, Role("staff", "ocean"), Role("staff", "city")))],
            [
                Meeting("ocean-weekly", "ocean", OceanWeekly, "FREQ=WEEKLY;BYDAY=TU", "2030-03-05T09:00", [RoleAttendee("staff")]),
                Meeting("city-weekly", "city", CityWeekly, "FREQ=WEEKLY;BYDAY=WE", "2030-03-06T14:30", [RoleAttendee("staff")]),
            ]);
        var smallBatches = new Dictionary<string, string?> { ["Outbox:BatchSize"] = "7" };
        await using SchedulingHost a = await StartAsync(start, roster, smallBatches);
        await using SchedulingHost b = a.StartSibling();
        await a.TalkAsync(Keys(1, 20));
        await a.Planner.RemindNowAsync("ocean-weekly", TimeSpan.FromMinutes(1), start, CancellationToken.None);
        await a.Planner.RemindNowAsync("city-weekly", TimeSpan.FromMinutes(1), start, CancellationToken.None);
        a.Time.Advance(TimeSpan.FromMinutes(1));
        int sentByA = 0;
        int sentByB = 0;

        for (int round = 0; round < 40; round++)
        {
            DispatchSummary[] summaries = await Task.WhenAll(
                a.Dispatcher.DispatchDueAsync(CancellationToken.None), b.Dispatcher.DispatchDueAsync(CancellationToken.None));
            sentByA += summaries[0][DispatchOutcome.Sent];
            sentByB += summaries[1][DispatchOutcome.Sent];
            a.Time.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.Equal(40, a.Connector.Calls.Count);
        Assert.Equal(40, sentByA + sentByB);
        Assert.True(sentByA > 0 && sentByB > 0, $"A sent {sentByA}, B sent {sentByB}");
        Assert.All(Keys(1, 20), key =>
        {
            ConnectorCall[] mine = [.. a.Connector.Accepted.Where(c => c.ConversationId == ConversationOf(key))];
            Assert.Single(mine, c => c.Text.Contains(OceanWeekly, StringComparison.Ordinal));
            Assert.Single(mine, c => c.Text.Contains(CityWeekly, StringComparison.Ordinal));
        });
        Assert.All(await a.OutboxAsync(), r => Assert.Equal("sent", r.State));
    }

    [Fact]
    public async Task Dispatch_After26HoursDown_LateReminderLabelledAndStartedMeetingSkipped()
    {
        // Down from Tuesday 08:00 to Wednesday 10:00. Meeting A (m01) starts Wednesday 09:30, meeting B (m02) at 11:00.
        DateTimeOffset down = Local("2030-03-05T08:00");
        string roster = Build(
            [Member("m01", Role("staff", "ocean")), Member("m02", Role("staff", "city"))],
            [
                Meeting("a", "ocean", OceanWeekly, "FREQ=WEEKLY;BYDAY=WE", "2030-03-06T09:30", [MemberAttendee("m01")]),
                Meeting("b", "city", CityWeekly, "FREQ=WEEKLY;BYDAY=WE", "2030-03-06T11:00", [MemberAttendee("m02")]),
            ]);
        await using SchedulingHost host = await StartAsync(down, roster);
        await host.TalkAsync("m01", "m02");
        await host.Planner.MaterializeAsync(down, CancellationToken.None);

        await host.RestartAsync(TimeSpan.FromHours(26));
        await host.Planner.MaterializeAsync(host.Time.GetUtcNow(), CancellationToken.None); // what the planning worker does on start
        await host.DrainAsync();
        host.Time.SetUtcNow(Local("2030-03-06T10:30"));
        await host.DrainAsync();

        Assert.DoesNotContain(host.Connector.Calls, c => c.ConversationId == ConversationOf("m01"));
        ConnectorCall[] toB = [.. host.Connector.Calls.Where(c => c.ConversationId == ConversationOf("m02"))];
        Assert.Equal([Local("2030-03-06T10:00"), Local("2030-03-06T10:30")], toB.Select(c => c.At));
        Assert.All(toB, c => Assert.Contains(CityWeekly, c.Text, StringComparison.Ordinal));
        Assert.Contains(s_late, toB[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(s_late, toB[1].Text, StringComparison.Ordinal);
        IReadOnlyList<OutboxRecord> rows = await host.OutboxAsync();
        OutboxRecord[] meetingA = [.. rows.Where(r => r.NotAfter == Local("2030-03-06T09:30"))];
        Assert.Equal(2, meetingA.Length);
        Assert.All(meetingA, r => Assert.Equal("skipped", r.State));
        Assert.All(meetingA, r => Assert.Equal(OutboxDispatcher.MeetingStartedReason, r.LastError));
        Assert.Equal(new string?[] { "late", null }, rows.Where(r => r.NotAfter == Local("2030-03-06T11:00")).OrderBy(r => r.DueAtMs).Select(r => r.LastError));
    }

    [Fact]
    public async Task Dispatch_429StormForAMinuteThenRecovery_AllDeliveredOnceWithPacing()
    {
        // m01 attends three meetings, m02–m05 one: seven reminders due at once, at most three sends a second.
        DateTimeOffset start = Local("2030-03-05T09:00");
        string roster = Build(
            Staff(Keys(1, 5)),
            [
                Meeting("all", "ocean", OceanWeekly, "FREQ=WEEKLY;BYDAY=TH", "2030-03-07T09:00", [RoleAttendee("staff")]),
                Meeting("x", "ocean", CityWeekly, "FREQ=WEEKLY;BYDAY=TH", "2030-03-07T10:00", [MemberAttendee("m01")]),
                Meeting("y", "ocean", OceanMonthly, "FREQ=WEEKLY;BYDAY=TH", "2030-03-07T11:00", [MemberAttendee("m01")]),
            ]);
        await using SchedulingHost host = await StartAsync(start, roster, new Dictionary<string, string?> { ["Outbox:GlobalRatePerSecond"] = "3" });
        await host.TalkAsync(Keys(1, 5));
        foreach (string meeting in new[] { "all", "x", "y" })
        {
            await host.Planner.RemindNowAsync(meeting, TimeSpan.FromMinutes(1), start, CancellationToken.None);
        }

        DateTimeOffset stormStart = start.AddMinutes(1);
        DateTimeOffset stormEnd = stormStart.AddMinutes(1);
        host.Connector.Responder = call => call.At < stormEnd ? new ConnectorAnswer(HttpStatusCode.TooManyRequests, RetryAfterSeconds: 2) : null;
        host.Time.SetUtcNow(stormStart);

        await host.RunUntilAsync(stormStart.AddMinutes(10), TimeSpan.FromDays(1), plan: false);

        IReadOnlyList<ConnectorCall> calls = host.Connector.Calls;
        IReadOnlyList<ConnectorCall> accepted = host.Connector.Accepted;
        Assert.True(calls.Count > 2 * 7, $"only {calls.Count} calls: the storm did not throttle");
        Assert.Equal(7, accepted.Count);
        Assert.All(accepted, c => Assert.True(c.At >= stormEnd));
        Assert.Equal(3, accepted.Count(c => c.ConversationId == ConversationOf("m01")));
        Assert.All(Keys(2, 5), key => Assert.Single(accepted, c => c.ConversationId == ConversationOf(key)));
        foreach (IGrouping<string?, ConnectorCall> conversation in calls.GroupBy(c => c.ConversationId))
        {
            DateTimeOffset[] at = [.. conversation.Select(c => c.At).Order()];
            TimeSpan gap = conversation.Key == ConversationOf("m01") ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(2); // pacing; one job: Retry-After
            Assert.All(at.Zip(at.Skip(1)), pair => Assert.True(pair.Second - pair.First >= gap, $"{conversation.Key}: {pair.First:HH:mm:ss.fff} → {pair.Second:HH:mm:ss.fff}"));
        }

        Assert.All(calls, c => Assert.True(calls.Count(o => o.At >= c.At && o.At < c.At.AddSeconds(1)) <= 3, $"more than 3 sends in the second from {c.At:HH:mm:ss.fff}"));
        Assert.All(await host.OutboxAsync(), r => Assert.Equal("sent", r.State));
    }
}
