using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskForce.Core.Calendar;
using TaskForce.Core.Meetings;
using TaskForce.Core.Outbox;

namespace TaskForce.Core.Scheduling;

/// <summary>
/// Turns meetings into outbox jobs for a rolling horizon: a reminder per attendee per offset, and a report nudge
/// for attendees with open tasks unreported since the previous occurrence. Planning is idempotent (keys), so it
/// runs as often as wanted; pending jobs that are no longer wanted (moved, cancelled, reported) are voided.
/// </summary>
public sealed class ReminderPlanner(
    MeetingStore meetings,
    CalendarStore calendars,
    OutboxStore outbox,
    OutboxReadStore outboxReads,
    NudgeStore nudges,
    IOptions<SchedulingOptions> options,
    ILogger<ReminderPlanner> logger)
{
    private static readonly IReadOnlyDictionary<long, IReadOnlyList<long>> s_nobody = new Dictionary<long, IReadOnlyList<long>>();

    public async Task<PlanSummary> MaterializeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        WorkingCalendar calendar = await calendars.LoadAsync(cancellationToken);
        int inserted = 0;
        int voided = 0;
        foreach (Meeting meeting in await meetings.ListAsync(cancellationToken))
        {
            List<NewOutboxJob> jobs;
            HashSet<string> keep;
            try
            {
                (jobs, keep) = await PlanMeetingAsync(meeting, calendar, now, cancellationToken);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
            {
                // A meeting with a broken RRULE or zone must not stop the reminders of all the others; its jobs stay as they are.
                logger.MeetingPlanFailed(ex, meeting.Id);
                continue;
            }

            // Void first: a job of the old version that stayed pending while its replacement was inserted could be
            // claimed together with it by another process.
            voided += await outbox.VoidMeetingJobsAsync(meeting.Id, keep, now, cancellationToken);
            inserted += await outbox.EnqueueAsync(await WithoutSettledAsync(meeting.Id, jobs, now, cancellationToken), now, cancellationToken);
        }

        if (inserted > 0 || voided > 0)
        {
            logger.RemindersPlanned(inserted, voided);
        }

        return new PlanSummary(inserted, voided);
    }

    /// <summary>
    /// Demo and operator aid: reminders of the meeting's next occurrence to all its attendees, due after
    /// <paramref name="delay"/>. Returns the occurrence, or null when the meeting is unknown or has none within the horizon.
    /// </summary>
    public async Task<MeetingOccurrence?> RemindNowAsync(string meetingKey, TimeSpan delay, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Meeting? meeting = await meetings.GetByKeyAsync(meetingKey, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        WorkingCalendar calendar = await calendars.LoadAsync(cancellationToken);
        IReadOnlyList<MeetingOccurrence> upcoming = MeetingSchedule.Occurrences(meeting, calendar, now + delay, now + options.Value.Horizon);
        if (upcoming.Count == 0)
        {
            return null;
        }

        MeetingOccurrence next = upcoming[0];
        int offset = (int)Math.Max(0, (next.Start - now - delay).TotalMinutes);
        List<NewOutboxJob> jobs = [];
        foreach (Attendee attendee in await meetings.AttendeesAsync(meeting, cancellationToken))
        {
            string key = ReminderKeys.DemoPrefix + ReminderKeys.Reminder(meeting.Id, meeting.Version, next.Start, attendee.MemberId, offset)
                + ":" + now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            jobs.Add(ReminderJob(meeting, next, attendee.MemberId, offset, key, now + delay));
        }

        await outbox.EnqueueAsync(jobs, now, cancellationToken);
        return next;
    }

    /// <summary>
    /// Drops jobs an earlier version of the meeting already sent or is sending: an edit that bumps the version moments
    /// after a reminder went out (within <c>MaterializeGrace</c>) would otherwise send it again under the new key.
    /// </summary>
    private async Task<IReadOnlyList<NewOutboxJob>> WithoutSettledAsync(long meetingId, List<NewOutboxJob> jobs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (jobs.Count == 0)
        {
            return jobs;
        }

        DateTimeOffset since = jobs.Min(job => job.DueAt);
        IReadOnlyList<string> settled = await outboxReads.SettledMeetingKeysAsync(meetingId, since, now, cancellationToken);
        if (settled.Count == 0)
        {
            return jobs;
        }

        HashSet<string> done = new(settled.Select(ReminderKeys.Unversioned), StringComparer.Ordinal);
        return [.. jobs.Where(job => !done.Contains(ReminderKeys.Unversioned(job.IdempotencyKey)))];
    }

    private async Task<(List<NewOutboxJob> Jobs, HashSet<string> Keep)> PlanMeetingAsync(
        Meeting meeting, WorkingCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        SchedulingOptions settings = options.Value;
        List<NewOutboxJob> jobs = [];
        HashSet<string> keep = new(StringComparer.Ordinal);
        IReadOnlyList<MeetingOccurrence> occurrences = MeetingSchedule.Occurrences(meeting, calendar, now, now + settings.Horizon);
        if (occurrences.Count == 0)
        {
            return (jobs, keep);
        }

        IReadOnlyList<Attendee> attendees = await meetings.AttendeesAsync(meeting, cancellationToken);
        int firstOffset = meeting.ReminderOffsetsMinutes.Count == 0 ? 0 : meeting.ReminderOffsetsMinutes.Max();
        foreach (MeetingOccurrence occurrence in occurrences)
        {
            DateTimeOffset nudgeDue = occurrence.Start.AddMinutes(-firstOffset);
            bool nudging = now >= nudgeDue - settings.NudgeLookahead;
            MeetingOccurrence? previous = nudging ? MeetingSchedule.Previous(meeting, calendar, occurrence.Start) : null;
            IReadOnlyDictionary<long, IReadOnlyList<long>> unreported = nudging
                ? await nudges.UnreportedTaskIdsByOwnerAsync(meeting.CampaignId, previous?.Start ?? DateTimeOffset.UnixEpoch, cancellationToken)
                : s_nobody;
            foreach (Attendee attendee in attendees)
            {
                foreach (int offset in meeting.ReminderOffsetsMinutes.Distinct())
                {
                    string key = ReminderKeys.Reminder(meeting.Id, meeting.Version, occurrence.Start, attendee.MemberId, offset);
                    keep.Add(key);
                    DateTimeOffset due = occurrence.Start.AddMinutes(-offset);
                    if (due >= now - settings.MaterializeGrace)
                    {
                        jobs.Add(ReminderJob(meeting, occurrence, attendee.MemberId, offset, key, due));
                    }
                }

                if (nudging && unreported.TryGetValue(attendee.MemberId, out IReadOnlyList<long>? taskIds))
                {
                    NewOutboxJob nudge = NudgeJob(meeting, occurrence, previous, attendee, nudgeDue, taskIds);
                    keep.Add(nudge.IdempotencyKey);
                    jobs.Add(nudge);
                }
            }
        }

        return (jobs, keep);
    }

    private static NewOutboxJob NudgeJob(
        Meeting meeting, MeetingOccurrence occurrence, MeetingOccurrence? previous, Attendee attendee, DateTimeOffset due, IReadOnlyList<long> taskIds)
    {
        var payload = new NudgePayload(
            meeting.Id, meeting.Version, occurrence.Start.ToUnixTimeMilliseconds(), previous?.Start.ToUnixTimeMilliseconds(), taskIds);
        return new NewOutboxJob(
            OutboxKinds.Nudge,
            ReminderKeys.Nudge(meeting.Id, meeting.Version, occurrence.Start, attendee.MemberId),
            due,
            attendee.MemberId,
            JsonSerializer.Serialize(payload, SchedulingJson.Default.NudgePayload),
            NotAfter: occurrence.Start,
            MeetingId: meeting.Id);
    }

    private static NewOutboxJob ReminderJob(
        Meeting meeting, MeetingOccurrence occurrence, long memberId, int offset, string key, DateTimeOffset due)
    {
        var payload = new ReminderPayload(
            meeting.Id, meeting.Version, occurrence.Start.ToUnixTimeMilliseconds(), occurrence.ScheduledStart.ToUnixTimeMilliseconds(), offset);
        return new NewOutboxJob(
            OutboxKinds.Reminder,
            key,
            due,
            memberId,
            JsonSerializer.Serialize(payload, SchedulingJson.Default.ReminderPayload),
            NotAfter: occurrence.Start,
            MeetingId: meeting.Id);
    }
}

/// <summary>Jobs created and voided by one planning pass.</summary>
public sealed record PlanSummary(int Inserted, int Voided);
