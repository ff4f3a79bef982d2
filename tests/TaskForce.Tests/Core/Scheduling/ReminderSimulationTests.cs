using TaskForce.Core.Outbox;

namespace TaskForce.Tests.Core.Scheduling;

public sealed class ReminderSimulationTests
{
    [Fact]
    public async Task MaterializeAndDispatch_ThirtyDaysTwoCampaigns_EveryReminderDeliveredOnceInItsWindow()
    {
        DateTimeOffset start = SchedulerHarness.Local("2030-03-01T00:00");
        DateTimeOffset end = start.AddDays(30);
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(start);
        h.Scheduling.PlanInterval = TimeSpan.FromDays(1);
        long ocean = await h.Data.CampaignAsync("Ocean");
        long city = await h.Data.CampaignAsync("City");
        long[] m = new long[20];
        for (int i = 0; i < m.Length; i++)
        {
            m[i] = await h.Data.MemberAsync();
        }

        for (int i = 0; i < 4; i++)
        {
            await h.Data.RoleAsync(m[i], "team_lead", ocean);
            await h.Data.RoleAsync(m[i], "team_lead", city); // a role in another campaign must not add attendees
        }

        await h.Data.RoleAsync(m[0], "commander", ocean);
        await h.Data.DayAsync("2030-03-18", "holiday");

        // Ocean weekly, Monday 09:00 (the 18th is a holiday: moved to Tuesday): team leads by role + members 5–12.
        long oceanWeekly = await h.Data.MeetingAsync(ocean, "FREQ=WEEKLY;BYDAY=MO", "2030-03-04T09:00", holidayPolicy: "next_workday");
        await h.Data.AttendeeAsync(oceanWeekly, role: "team_lead");
        foreach (long member in m[4..12])
        {
            await h.Data.AttendeeAsync(oceanWeekly, member);
        }

        // City weekly, Wednesday 14:30: members 9–20.
        long cityWeekly = await h.Data.MeetingAsync(city, "FREQ=WEEKLY;BYDAY=WE", "2030-03-06T14:30");
        foreach (long member in m[8..20])
        {
            await h.Data.AttendeeAsync(cityWeekly, member);
        }

        // Ocean monthly HQ meeting, first Thursday 15:00: team leads and the commander (one person holds both).
        long oceanMonthly = await h.Data.MeetingAsync(ocean, "FREQ=MONTHLY;BYDAY=1TH", "2030-03-07T15:00");
        await h.Data.AttendeeAsync(oceanMonthly, role: "team_lead");
        await h.Data.AttendeeAsync(oceanMonthly, role: "commander");

        await RunAsync(h, end);

        IReadOnlyList<DeliveryCall> delivered = h.Delivery.Delivered;
        Assert.Equal(4 * 12 * 2, delivered.Count(c => c.Job.MeetingId == oceanWeekly));
        Assert.Equal(4 * 12 * 2, delivered.Count(c => c.Job.MeetingId == cityWeekly));
        Assert.Equal(1 * 4 * 2, delivered.Count(c => c.Job.MeetingId == oceanMonthly));
        Assert.Equal(delivered.Count, delivered.Select(c => c.Job.IdempotencyKey).Distinct().Count());
        Assert.All(delivered, c => Assert.True(c.Job.DueAt <= c.At && c.At < c.Job.NotAfter && !c.Late, c.Job.IdempotencyKey));
        Assert.Equal(h.Delivery.Calls.Count, delivered.Count);
        Assert.Contains(delivered, c => c.Job.NotAfter == SchedulerHarness.Local("2030-03-19T09:00"));
        Assert.DoesNotContain(delivered, c => c.Job.NotAfter == SchedulerHarness.Local("2030-03-18T09:00"));
        IReadOnlyList<OutboxJob> jobs = await h.Reads.ListAllAsync(CancellationToken.None);
        Assert.All(jobs.Where(j => j.DueAt < end), j => Assert.Equal(OutboxState.Sent, j.State));
        Assert.All(jobs.Where(j => j.DueAt >= end), j => Assert.Equal(OutboxState.Pending, j.State));
    }

    /// <summary>
    /// Plays the worker: plans every PlanInterval and dispatches whenever something is due, jumping the fake clock
    /// from one event to the next plus a poll's worth of delay.
    /// </summary>
    internal static async Task RunAsync(SchedulerHarness h, DateTimeOffset end)
    {
        OutboxDispatcher dispatcher = h.NewDispatcher();
        DateTimeOffset nextPlan = h.Time.GetUtcNow();
        while (h.Time.GetUtcNow() < end)
        {
            DateTimeOffset now = h.Time.GetUtcNow();
            if (now >= nextPlan)
            {
                await h.Planner.MaterializeAsync(now, CancellationToken.None);
                nextPlan = now + h.Scheduling.PlanInterval;
            }

            await SchedulerHarness.DrainAsync(dispatcher);
            IReadOnlyList<OutboxJob> pending = await h.Reads.ListAsync(OutboxListFilter.Pending, 1, CancellationToken.None);
            DateTimeOffset next = pending.Count > 0 && pending[0].NextAttemptAt + h.Outbox.PollInterval < nextPlan
                ? pending[0].NextAttemptAt + h.Outbox.PollInterval
                : nextPlan;
            h.Time.SetUtcNow(next < end ? (next > now ? next : now + h.Outbox.PollInterval) : end);
        }
    }
}
