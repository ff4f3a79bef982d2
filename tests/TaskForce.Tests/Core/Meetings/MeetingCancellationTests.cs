using Microsoft.Extensions.Logging.Abstractions;
using TaskForce.Core.Meetings;
using TaskForce.Core.Outbox;
using TaskForce.Core.Scheduling;
using TaskForce.Tests.Core.Scheduling;

namespace TaskForce.Tests.Core.Meetings;

public sealed class MeetingCancellationTests
{
    private const string Actor = "cli:meetings";
    private static readonly DateTimeOffset s_friday = SchedulerHarness.Local("2030-03-01T08:00");
    private static readonly DateOnly s_secondMonday = new(2030, 3, 11);

    [Fact]
    public async Task CancelAsync_OneOccurrence_VoidsItsPendingJobsOnlyAndPlanningAddsNoneForIt()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_friday);
        (long meetingId, string key) = await WeeklyAsync(h);
        await h.Planner.MaterializeAsync(s_friday, CancellationToken.None);

        CancellationResult result = await Cancellation(h).CancelAsync(key, s_secondMonday, Actor, CancellationToken.None);
        PlanSummary replanned = await h.Planner.MaterializeAsync(s_friday.AddMinutes(5), CancellationToken.None);

        Assert.Equal((CancellationOutcome.Done, 2), (result.Outcome, result.Voided));
        Assert.Equal(SchedulerHarness.Local("2030-03-11T09:00"), result.Occurrence?.Start);
        Assert.Equal(new PlanSummary(0, 0), replanned);
        IReadOnlyList<OutboxJob> jobs = await h.Reads.ListForMeetingAsync(meetingId, CancellationToken.None);
        Assert.All(jobs.Where(j => j.NotAfter == SchedulerHarness.Local("2030-03-11T09:00") && j.Kind != OutboxKinds.MeetingCancelled), j => Assert.Equal(OutboxState.Voided, j.State));
        Assert.Single(jobs, j => j.Kind == OutboxKinds.MeetingCancelled && j.State == OutboxState.Pending);
        Assert.Equal(2, jobs.Count(j => j.NotAfter == SchedulerHarness.Local("2030-03-11T09:00") && j.Kind != OutboxKinds.MeetingCancelled));
        Assert.Equal(2, jobs.Count(j => j.NotAfter == SchedulerHarness.Local("2030-03-04T09:00") && j.State == OutboxState.Pending));
        Assert.Equal(1, await h.Data.ScalarAsync<long>(
            "SELECT COUNT(*) FROM AuditLog WHERE Actor = @Actor AND Action = 'cancel' AND Entity = 'Meeting' AND EntityId = @Key AND After LIKE '%2030-03-11%';",
            new { Actor, Key = key }));
    }

    [Fact]
    public async Task CancelAsync_WholeMeeting_VoidsEveryPendingJobAndStampsTheTime()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_friday);
        (long meetingId, string key) = await WeeklyAsync(h);
        await h.Planner.MaterializeAsync(s_friday, CancellationToken.None);

        CancellationResult result = await Cancellation(h).CancelAsync(key, null, Actor, CancellationToken.None);

        Assert.Equal((CancellationOutcome.Done, 4), (result.Outcome, result.Voided));
        Assert.Equal(s_friday, (await h.Meetings.GetAsync(meetingId, CancellationToken.None))?.CancelledAt);
        IReadOnlyList<OutboxJob> all = await h.Reads.ListForMeetingAsync(meetingId, CancellationToken.None);
        Assert.All(all.Where(j => j.Kind != OutboxKinds.MeetingCancelled), j => Assert.Equal(OutboxState.Voided, j.State));
        Assert.Single(all, j => j.Kind == OutboxKinds.MeetingCancelled && j.State == OutboxState.Pending);
    }

    [Fact]
    public async Task CancelAsync_DateWithoutOccurrence_NotAnOccurrenceAndNothingWritten()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_friday);
        (_, string key) = await WeeklyAsync(h);

        CancellationResult result = await Cancellation(h).CancelAsync(key, new DateOnly(2030, 3, 12), Actor, CancellationToken.None);

        Assert.Equal(CancellationOutcome.NotAnOccurrence, result.Outcome);
        Assert.Equal(0, await h.Data.ScalarAsync<long>("SELECT COUNT(*) FROM MeetingExceptions;"));
    }

    [Fact]
    public async Task CancelAsync_UnknownKey_UnknownMeeting()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_friday);

        CancellationResult result = await Cancellation(h).CancelAsync("nope", null, Actor, CancellationToken.None);

        Assert.Equal(CancellationOutcome.UnknownMeeting, result.Outcome);
    }

    [Fact]
    public async Task CancelAsync_OccurrenceTwice_SecondIsAlreadyCancelled()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_friday);
        (_, string key) = await WeeklyAsync(h);
        await Cancellation(h).CancelAsync(key, s_secondMonday, Actor, CancellationToken.None);

        CancellationResult result = await Cancellation(h).CancelAsync(key, s_secondMonday, Actor, CancellationToken.None);

        Assert.Equal(CancellationOutcome.AlreadyCancelled, result.Outcome);
    }

    [Fact]
    public async Task RestoreAsync_CancelledOccurrence_TakesPlaceAgainWithNewReminderKeys()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_friday);
        (long meetingId, string key) = await WeeklyAsync(h);
        await h.Planner.MaterializeAsync(s_friday, CancellationToken.None);
        await Cancellation(h).CancelAsync(key, s_secondMonday, Actor, CancellationToken.None);

        CancellationResult result = await Cancellation(h).RestoreAsync(key, s_secondMonday, Actor, CancellationToken.None);
        await h.Planner.MaterializeAsync(s_friday.AddMinutes(5), CancellationToken.None);

        Assert.Equal(CancellationOutcome.Done, result.Outcome);
        Meeting? meeting = await h.Meetings.GetAsync(meetingId, CancellationToken.None);
        Assert.Equal(2, meeting?.Version);
        Assert.Empty(meeting!.Exceptions);
        IReadOnlyList<OutboxJob> jobs = await h.Reads.ListForMeetingAsync(meetingId, CancellationToken.None);
        Assert.Equal(2, jobs.Count(j => j.NotAfter == SchedulerHarness.Local("2030-03-11T09:00") && j.State == OutboxState.Pending));
    }

    [Fact]
    public async Task RestoreAsync_OccurrenceNotCancelled_NotCancelled()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_friday);
        (_, string key) = await WeeklyAsync(h);

        CancellationResult result = await Cancellation(h).RestoreAsync(key, s_secondMonday, Actor, CancellationToken.None);

        Assert.Equal(CancellationOutcome.NotCancelled, result.Outcome);
    }

    [Fact]
    public async Task RestoreAsync_ExceptionFromTheRoster_RefusedAndKept()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(s_friday);
        (long meetingId, string key) = await WeeklyAsync(h);
        await h.Data.ExecuteAsync(
            "INSERT INTO MeetingExceptions (MeetingId, LocalDate, Source, CreatedAtMs) VALUES (@Id, '2030-03-11', 'roster', 0);", new { Id = meetingId });

        CancellationResult result = await Cancellation(h).RestoreAsync(key, s_secondMonday, Actor, CancellationToken.None);

        Assert.Equal(CancellationOutcome.CancelledByRoster, result.Outcome);
        Assert.Equal(1, await h.Data.ScalarAsync<long>("SELECT COUNT(*) FROM MeetingExceptions;"));
    }

    private static MeetingCancellation Cancellation(SchedulerHarness h) =>
        new(h.Meetings, h.Calendars, h.Time, NullLogger<MeetingCancellation>.Instance);

    /// <summary>Mondays 09:00 from 2030-03-04 with one attendee: within the 14-day horizon, the 4th and the 11th, two reminders each.</summary>
    private static async Task<(long Id, string Key)> WeeklyAsync(SchedulerHarness h)
    {
        long campaign = await h.Data.CampaignAsync();
        long member = await h.Data.MemberAsync();
        long meeting = await h.Data.MeetingAsync(campaign, "FREQ=WEEKLY;BYDAY=MO", "2030-03-04T09:00");
        await h.Data.AttendeeAsync(meeting, member);
        return (meeting, await h.Data.ScalarAsync<string>("SELECT Key FROM Meetings WHERE Id = @Id;", new { Id = meeting }));
    }
}
