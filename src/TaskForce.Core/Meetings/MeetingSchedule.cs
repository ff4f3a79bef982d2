using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using TaskForce.Core.Calendar;

namespace TaskForce.Core.Meetings;

/// <summary>
/// Expands a meeting's RRULE (RFC 5545, through Ical.Net) into occurrences. The rule is evaluated on local wall
/// times, as DTSTART;TZID= prescribes, and each wall time is converted with the meeting's IANA zone, so a weekly
/// 09:00 meeting stays at 09:00 local across DST changes. Occurrences on a day off follow the holiday policy.
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
        foreach (DateTime local in ExpandLocal(meeting, TimeZones.ToLocal(from - s_moveLookBack, zone), TimeZones.ToLocal(to, zone)))
        {
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

    private static IEnumerable<DateTime> ExpandLocal(Meeting meeting, DateTime fromLocal, DateTime toLocal)
    {
        var evt = new CalendarEvent
        {
            DtStart = new CalDateTime(meeting.StartLocal),
            Duration = Duration.FromMinutes(meeting.DurationMinutes),
        };
        if (!string.IsNullOrWhiteSpace(meeting.RRule))
        {
            evt.RecurrenceRule = new RecurrenceRule(meeting.RRule);
        }

        DateTime start = fromLocal > meeting.StartLocal ? fromLocal : meeting.StartLocal;
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
