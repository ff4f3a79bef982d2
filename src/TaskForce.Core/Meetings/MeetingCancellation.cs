using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using TaskForce.Core.Calendar;

namespace TaskForce.Core.Meetings;

/// <summary>What became of a cancel or restore request.</summary>
public enum CancellationOutcome
{
    Done,
    UnknownMeeting,
    NotAnOccurrence,
    AlreadyCancelled,
    NotCancelled,

    /// <summary>The roster file cancelled it; only a change of the file undoes that (the next import would cancel it again).</summary>
    CancelledByRoster,
}

/// <summary>The outcome, the meeting and occurrence it concerned, and how many pending reminders and nudges were voided.</summary>
public sealed record CancellationResult(CancellationOutcome Outcome, Meeting? Meeting, MeetingOccurrence? Occurrence, int Voided = 0);

/// <summary>
/// The administrator cancels a meeting for good, or one occurrence of it (本周调度会取消), and may restore either.
/// A cancellation voids the pending jobs at once; later planning passes plan none for it. Cancellations made here are
/// the command line's: a roster import leaves them alone, and only the file undoes the roster's own.
/// </summary>
public sealed class MeetingCancellation(MeetingStore meetings, CalendarStore calendars, TimeProvider time, ILogger<MeetingCancellation> logger)
{
    public async Task<CancellationResult> CancelAsync(string meetingKey, DateOnly? date, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(meetingKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (await meetings.GetByKeyAsync(meetingKey, cancellationToken) is not { } meeting)
        {
            return new CancellationResult(CancellationOutcome.UnknownMeeting, null, null);
        }

        if (meeting.CancelledAt is not null)
        {
            return new CancellationResult(CancellationOutcome.AlreadyCancelled, meeting, null);
        }

        MeetingOccurrence? occurrence = null;
        if (date is { } day)
        {
            WorkingCalendar calendar = await calendars.LoadAsync(cancellationToken);
            occurrence = MeetingSchedule.OnDate(meeting with { Exceptions = FrozenSet<DateOnly>.Empty }, calendar, day);
            if (occurrence is null)
            {
                return new CancellationResult(CancellationOutcome.NotAnOccurrence, meeting, null);
            }
        }

        int? voided = await meetings.CancelAsync(meeting, occurrence, actor, time.GetUtcNow(), cancellationToken);
        if (voided is null)
        {
            return new CancellationResult(CancellationOutcome.AlreadyCancelled, meeting, occurrence);
        }

        logger.MeetingCancelled(meeting.Key, occurrence?.ScheduledStart, voided.Value);
        return new CancellationResult(CancellationOutcome.Done, meeting, occurrence, voided.Value);
    }

    public async Task<CancellationResult> RestoreAsync(string meetingKey, DateOnly? date, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(meetingKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (await meetings.GetByKeyAsync(meetingKey, cancellationToken) is not { } meeting)
        {
            return new CancellationResult(CancellationOutcome.UnknownMeeting, null, null);
        }

        MeetingOccurrence? occurrence = null;
        if (date is { } day)
        {
            WorkingCalendar calendar = await calendars.LoadAsync(cancellationToken);
            occurrence = MeetingSchedule.OnDate(meeting with { Exceptions = FrozenSet<DateOnly>.Empty, CancelledAt = null }, calendar, day);
            if (occurrence is null)
            {
                return new CancellationResult(CancellationOutcome.NotAnOccurrence, meeting, null);
            }
        }

        DateOnly? scheduledDate = occurrence is null ? null : TimeZones.LocalDate(occurrence.ScheduledStart, TimeZones.Find(meeting.TimeZone));
        (string? meetingSource, string? occurrenceSource) = await meetings.CancellationSourcesAsync(meeting.Id, scheduledDate, cancellationToken);
        string? source = occurrence is null ? meetingSource : occurrenceSource;
        CancellationOutcome outcome = source switch
        {
            null => CancellationOutcome.NotCancelled,
            "roster" => CancellationOutcome.CancelledByRoster,
            _ => await meetings.RestoreAsync(meeting, occurrence, actor, time.GetUtcNow(), cancellationToken)
                ? CancellationOutcome.Done
                : CancellationOutcome.NotCancelled,
        };
        if (outcome == CancellationOutcome.Done)
        {
            logger.MeetingRestored(meeting.Key, occurrence?.ScheduledStart);
        }

        return new CancellationResult(outcome, meeting, occurrence);
    }
}
