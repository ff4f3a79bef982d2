using System.Text.Json;
using TaskForce.Core.Outbox;
using TaskForce.Core.Scheduling;

namespace TaskForce.Tests.Core.Scheduling;

public sealed class ReminderPlannerTests
{
    private static readonly DateTimeOffset s_friday = SchedulerHarness.Local("2030-03-01T08:00");

    [Fact]
    public async Task MaterializeAsync_MeetingMovedAndOneCancelled_VoidsOldJobsAndSchedulesNewOnes()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_friday);
        h.Scheduling.PlanInterval = TimeSpan.FromDays(1);
        long campaign = await h.Data.CampaignAsync();
        long member = await h.Data.MemberAsync();
        long moved = await h.Data.MeetingAsync(campaign, "FREQ=WEEKLY;BYDAY=MO", "2030-03-04T09:00");
        long cancelled = await h.Data.MeetingAsync(campaign, "FREQ=WEEKLY;BYDAY=WE", "2030-03-06T14:30");
        await h.Data.AttendeeAsync(moved, member);
        await h.Data.AttendeeAsync(cancelled, member);
        await h.Planner.MaterializeAsync(s_friday, CancellationToken.None);

        await h.Data.ExecuteAsync(
            "UPDATE Meetings SET RRule = 'FREQ=WEEKLY;BYDAY=TU', StartLocal = '2030-03-05T10:00', Version = 2 WHERE Id = @Id", new { Id = moved });
        await h.Data.ExecuteAsync("UPDATE Meetings SET CancelledAtMs = @Ms WHERE Id = @Id", new { Id = cancelled, Ms = s_friday.ToUnixTimeMilliseconds() });
        PlanSummary replanned = await h.Planner.MaterializeAsync(s_friday.AddMinutes(5), CancellationToken.None);
        await h.RunAsync(s_friday.AddDays(7));

        IReadOnlyList<OutboxJob> movedJobs = await h.Reads.ListForMeetingAsync(moved, CancellationToken.None);
        IReadOnlyList<OutboxJob> cancelledJobs = await h.Reads.ListForMeetingAsync(cancelled, CancellationToken.None);
        Assert.Equal(2 * 2 + 2 * 2, replanned.Voided); // two occurrences × two offsets, for each meeting
        Assert.All(movedJobs.Where(j => j.IdempotencyKey.Contains(":v1:", StringComparison.Ordinal)), j => Assert.Equal(OutboxState.Voided, j.State));
        Assert.All(cancelledJobs, j => Assert.Equal(OutboxState.Voided, j.State));
        Assert.Equal(
            [SchedulerHarness.Local("2030-03-04T10:00"), SchedulerHarness.Local("2030-03-05T09:30")],
            h.Delivery.Delivered.Select(c => c.Job.DueAt));
        Assert.All(h.Delivery.Delivered, c => Assert.Contains(":v2:", c.Job.IdempotencyKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MaterializeAsync_MeetingEditedJustAfterAReminderWentOut_DoesNotSendItAgain()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(SchedulerHarness.Local("2030-03-04T08:00"));
        long campaign = await h.Data.CampaignAsync();
        long member = await h.Data.MemberAsync();
        long meeting = await h.Data.MeetingAsync(campaign, "FREQ=WEEKLY;BYDAY=MO", "2030-03-04T09:00");
        await h.Data.AttendeeAsync(meeting, member);
        await h.Planner.MaterializeAsync(h.Time.GetUtcNow(), CancellationToken.None);
        h.Time.SetUtcNow(SchedulerHarness.Local("2030-03-04T08:30"));
        await SchedulerHarness.DrainAsync(h.NewDispatcher());

        // A roster edit that keeps the time (a new location) bumps the version two minutes later, inside MaterializeGrace.
        await h.Data.ExecuteAsync("UPDATE Meetings SET Location = 'Room 2', Version = Version + 1 WHERE Id = @Id", new { Id = meeting });
        h.Time.SetUtcNow(SchedulerHarness.Local("2030-03-04T08:32"));
        PlanSummary replanned = await h.Planner.MaterializeAsync(h.Time.GetUtcNow(), CancellationToken.None);
        await SchedulerHarness.DrainAsync(h.NewDispatcher());

        DeliveryCall sent = Assert.Single(h.Delivery.Delivered);
        Assert.Equal(SchedulerHarness.Local("2030-03-04T08:30"), sent.Job.DueAt);
        Assert.DoesNotContain(await h.Reads.ListForMeetingAsync(meeting, CancellationToken.None),
            j => j.IdempotencyKey.Contains(":v2:", StringComparison.Ordinal) && j.DueAt == SchedulerHarness.Local("2030-03-04T08:30"));
        Assert.True(replanned.Inserted > 0, "the following weeks' reminders are planned under the new version");
    }

    [Theory]
    [InlineData("reminder:7:v3:1900000000000:12:30", "reminder:7:1900000000000:12:30")]
    [InlineData("nudge:7:v12:1900000000000:12", "nudge:7:1900000000000:12")]
    [InlineData("escalation:5:2", "escalation:5:2")]
    public void Unversioned_Key_DropsOnlyTheVersion(string key, string expected)
    {
        Assert.Equal(expected, ReminderKeys.Unversioned(key));
    }

    [Fact]
    public async Task MaterializeAsync_UnreportedTask_NudgeDueAtFirstOffsetListsTheTask()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(SchedulerHarness.Local("2030-03-10T08:30"));
        long campaign = await h.Data.CampaignAsync();
        long department = await h.Data.DepartmentAsync();
        long lazy = await h.Data.MemberAsync();
        long diligent = await h.Data.MemberAsync();
        long meeting = await h.Data.MeetingAsync(campaign, "FREQ=WEEKLY;BYDAY=MO", "2030-03-04T09:00");
        await h.Data.AttendeeAsync(meeting, lazy);
        await h.Data.AttendeeAsync(meeting, diligent);
        long unreported = await h.Data.TaskAsync(campaign, lazy, department, latestReportAtMs: SchedulerHarness.Local("2030-03-01T10:00").ToUnixTimeMilliseconds());
        await h.Data.TaskAsync(campaign, diligent, department, latestReportAtMs: SchedulerHarness.Local("2030-03-05T10:00").ToUnixTimeMilliseconds());

        await h.Planner.MaterializeAsync(h.Time.GetUtcNow(), CancellationToken.None);

        OutboxJob nudge = Assert.Single(await h.Reads.ListAllAsync(CancellationToken.None), j => j.Kind == OutboxKinds.Nudge);
        Assert.Equal((lazy, SchedulerHarness.Local("2030-03-10T09:00"), SchedulerHarness.Local("2030-03-11T09:00")), (nudge.RecipientMemberId!.Value, nudge.DueAt, nudge.NotAfter!.Value));
        NudgePayload payload = JsonSerializer.Deserialize(nudge.Payload, SchedulingJson.Default.NudgePayload)!;
        Assert.Equal([unreported], payload.TaskIds);
        Assert.Equal(SchedulerHarness.Local("2030-03-04T09:00").ToUnixTimeMilliseconds(), payload.PreviousOccurrenceStartMs);
    }

    [Fact]
    public async Task MaterializeAsync_TaskReportedBeforeNudgeIsSent_VoidsTheNudge()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(SchedulerHarness.Local("2030-03-10T08:30"));
        long campaign = await h.Data.CampaignAsync();
        long department = await h.Data.DepartmentAsync();
        long member = await h.Data.MemberAsync();
        long meeting = await h.Data.MeetingAsync(campaign, "FREQ=WEEKLY;BYDAY=MO", "2030-03-04T09:00");
        await h.Data.AttendeeAsync(meeting, member);
        long task = await h.Data.TaskAsync(campaign, member, department);
        await h.Planner.MaterializeAsync(h.Time.GetUtcNow(), CancellationToken.None);

        await h.Data.ExecuteAsync("UPDATE Tasks SET LatestReportAtMs = @Ms WHERE Id = @Id", new { Id = task, Ms = SchedulerHarness.Local("2030-03-10T08:40").ToUnixTimeMilliseconds() });
        await h.Planner.MaterializeAsync(SchedulerHarness.Local("2030-03-10T08:45"), CancellationToken.None);

        Assert.Equal(OutboxState.Voided, Assert.Single(await h.Reads.ListAllAsync(CancellationToken.None), j => j.Kind == OutboxKinds.Nudge).State);
    }

    [Fact]
    public async Task RemindNowAsync_KnownMeeting_JobsDueAfterDelayThatPlanningKeeps()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_friday);
        long campaign = await h.Data.CampaignAsync();
        long member = await h.Data.MemberAsync();
        long meeting = await h.Data.MeetingAsync(campaign, "FREQ=WEEKLY;BYDAY=MO", "2030-03-04T09:00");
        await h.Data.AttendeeAsync(meeting, member);
        string key = await h.Data.ScalarAsync<string>("SELECT Key FROM Meetings WHERE Id = @Id", new { Id = meeting });

        var occurrence = await h.Planner.RemindNowAsync(key, TimeSpan.FromMinutes(2), s_friday, CancellationToken.None);
        await h.Planner.MaterializeAsync(s_friday, CancellationToken.None);

        Assert.Equal(SchedulerHarness.Local("2030-03-04T09:00"), occurrence?.Start);
        OutboxJob demo = Assert.Single(await h.Reads.ListAllAsync(CancellationToken.None), j => j.IdempotencyKey.StartsWith(ReminderKeys.DemoPrefix, StringComparison.Ordinal));
        Assert.Equal((OutboxState.Pending, s_friday.AddMinutes(2)), (demo.State, demo.DueAt));
    }

    [Fact]
    public async Task MaterializeAsync_OneMeetingWithBrokenRule_PlansTheOthers()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_friday);
        long campaign = await h.Data.CampaignAsync();
        long member = await h.Data.MemberAsync();
        long broken = await h.Data.MeetingAsync(campaign, "FREQ=WEEKLY;BYDAY=MO", "2030-03-04T09:00", timeZone: "Mars/Olympus");
        long fine = await h.Data.MeetingAsync(campaign, "FREQ=WEEKLY;BYDAY=MO", "2030-03-04T09:00");
        await h.Data.AttendeeAsync(broken, member);
        await h.Data.AttendeeAsync(fine, member);

        await h.Planner.MaterializeAsync(s_friday, CancellationToken.None);

        Assert.Empty(await h.Reads.ListForMeetingAsync(broken, CancellationToken.None));
        Assert.Equal(4, (await h.Reads.ListForMeetingAsync(fine, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task MaterializeAsync_ManyAttendeesOverChunks_CreatesEveryJobOnceAndNothingOnRerun()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(SchedulerHarness.Local("2030-03-10T08:30"));
        h.Scheduling.Horizon = TimeSpan.FromDays(90);
        long campaign = await h.Data.CampaignAsync();
        long department = await h.Data.DepartmentAsync();
        long meeting = await h.Data.MeetingAsync(campaign, "FREQ=WEEKLY;BYDAY=MO", "2030-03-04T09:00", holidayPolicy: "keep");
        await h.Data.AttendeeAsync(meeting, role: "staff");
        List<long> members = [];
        for (int i = 0; i < 300; i++)
        {
            long member = await h.Data.MemberAsync();
            await h.Data.RoleAsync(member, "staff", campaign);
            members.Add(member);
        }

        long first = await h.Data.TaskAsync(campaign, members[7], department, deadline: "2030-05-01");
        long second = await h.Data.TaskAsync(campaign, members[7], department, deadline: "2030-04-01");
        await h.Data.TaskAsync(campaign, members[8], department, latestReportAtMs: SchedulerHarness.Local("2030-03-05T10:00").ToUnixTimeMilliseconds());

        PlanSummary plan = await h.Planner.MaterializeAsync(h.Time.GetUtcNow(), CancellationToken.None);
        PlanSummary again = await h.Planner.MaterializeAsync(h.Time.GetUtcNow().AddMinutes(5), CancellationToken.None);

        IReadOnlyList<OutboxJob> jobs = await h.Reads.ListForMeetingAsync(meeting, CancellationToken.None);
        int occurrences = jobs.Where(j => j.Kind == OutboxKinds.Reminder).Select(j => j.NotAfter).Distinct().Count();
        Assert.Equal(13, occurrences);
        Assert.Equal((300 * occurrences * 2) + 1, plan.Inserted);
        Assert.True(plan.Inserted > OutboxStore.EnqueueChunkSize * 3);
        Assert.Equal(new PlanSummary(0, 0), again);
        Assert.Equal(plan.Inserted, jobs.Count);
        OutboxJob nudge = Assert.Single(jobs, j => j.Kind == OutboxKinds.Nudge);
        Assert.Equal(members[7], nudge.RecipientMemberId);
        Assert.Equal([second, first], JsonSerializer.Deserialize(nudge.Payload, SchedulingJson.Default.NudgePayload)!.TaskIds);
    }
}
