using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using TaskForce.Core.Calendar;

namespace TaskForce.Core.Meetings;

/// <summary>
/// Expands a meeting's RRULE (RFC 5545, through Ical.Net) into occurrences. The rule is evaluated on local wall
/// times, as DTSTART;TZID= prescribes, and each wall time is converted with the meeting's IANA zone, so a weekly
/// 09:00 meeting stays at 09:00 local across DST changes. An occurrence whose RRULE date is one of the meeting's
/// exceptions is dropped (EXDATE, before any holiday move); the others on a day off follow the holiday policy.
/// </summary>
public static class MeetingSchedule
{
    /// <summary>How far back expansion starts so that an occurrence moved forward over a long holiday is still found.</summary>
    private static readonly TimeSpan s_moveLookBack = TimeSpan.FromDays(16);

    /// <summary>Occurrences whose (possibly moved) start lies in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static IReadOnlyList<MeetingOccurrence> Occurrences(
        Meeting meeting, WorkingCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(calendar);
        if (meeting.CancelledAt is not null || to <= from)
        {
            return [];
        }

        TimeZoneInfo zone = TimeZones.Find(meeting.TimeZone);
        SortedDictionary<DateTimeOffset, MeetingOccurrence> result = [];
        foreach (DateTime local in ExpandLocal(meeting.RRule, meeting.StartLocal, meeting.DurationMinutes, TimeZones.ToLocal(from - s_moveLookBack, zone), TimeZones.ToLocal(to, zone)))
        {
            if (meeting.Exceptions.Contains(DateOnly.FromDateTime(local)))
            {
                continue;
            }

            DateTimeOffset scheduled = TimeZones.ToUtc(local, zone);
            DateOnly date = DateOnly.FromDateTime(local);
            DateTimeOffset? start = calendar.IsWorkday(date) ? scheduled : meeting.HolidayPolicy switch
            {
                HolidayPolicy.Keep => scheduled,
                HolidayPolicy.NextWorkday => TimeZones.ToUtc(calendar.NextWorkday(date).ToDateTime(TimeOnly.FromDateTime(local)), zone),
                _ => null,
            };
            if (start is { } actual && actual >= from && actual < to)
            {
                result.TryAdd(actual, new MeetingOccurrence(meeting, actual, scheduled));
            }
        }

        return [.. result.Values];
    }

    /// <summary>The last occurrence that starts before <paramref name="before"/>, looking back at most a year.</summary>
    public static MeetingOccurrence? Previous(Meeting meeting, WorkingCalendar calendar, DateTimeOffset before)
    {
        IReadOnlyList<MeetingOccurrence> earlier = Occurrences(meeting, calendar, before.AddDays(-400), before);
        return earlier.Count == 0 ? null : earlier[^1];
    }

    /// <summary>Whether the rule places an occurrence on <paramref name="date"/> (holidays and exceptions aside): what an exception may name.</summary>
    public static bool IsRuleDate(string rrule, DateTime startLocal, DateOnly date)
    {
        DateTime dayStart = date.ToDateTime(TimeOnly.MinValue);
        return ExpandLocal(rrule, startLocal, 1, dayStart, dayStart.AddDays(1)).Any(local => local >= dayStart);
    }

    /// <summary>
    /// The occurrence that takes place on local <paramref name="date"/> or, failing that, that the RRULE placed on it before
    /// a holiday moved it; null when there is none. Exceptions of <paramref name="meeting"/> are honoured, so pass it without
    /// them to find a cancelled occurrence.
    /// </summary>
    public static MeetingOccurrence? OnDate(Meeting meeting, WorkingCalendar calendar, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        TimeZoneInfo zone = TimeZones.Find(meeting.TimeZone);
        DateTime dayStart = date.ToDateTime(TimeOnly.MinValue);
        IReadOnlyList<MeetingOccurrence> near = Occurrences(
            meeting, calendar, TimeZones.ToUtc(dayStart.AddDays(-1), zone), TimeZones.ToUtc(dayStart.AddDays(1), zone) + s_moveLookBack);
        return near.FirstOrDefault(o => TimeZones.LocalDate(o.Start, zone) == date)
            ?? near.FirstOrDefault(o => TimeZones.LocalDate(o.ScheduledStart, zone) == date);
    }

    private static IEnumerable<DateTime> ExpandLocal(string rrule, DateTime startLocal, int durationMinutes, DateTime fromLocal, DateTime toLocal)
    {
        var evt = new CalendarEvent
        {
            DtStart = new CalDateTime(startLocal),
            Duration = Duration.FromMinutes(durationMinutes),
        };
        if (!string.IsNullOrWhiteSpace(rrule))
        {
            evt.RecurrenceRule = new RecurrenceRule(rrule);
        }

        DateTime start = fromLocal > startLocal ? fromLocal : startLocal;
        foreach (Occurrence occurrence in evt.GetOccurrences(new CalDateTime(start)))
        {
            DateTime local = occurrence.Period.StartTime.Value;
            if (local >= toLocal)
            {
                yield break;
            }

            yield return local;
        }
    }
}
