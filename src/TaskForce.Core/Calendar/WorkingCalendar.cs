namespace TaskForce.Core.Calendar;

/// <summary>
/// Which days are worked and for how long: Monday to Friday, minus statutory holidays, plus the weekend days
/// declared working days (调休). Working time is counted in office hours only, in a given IANA zone.
/// </summary>
public sealed class WorkingCalendar(IReadOnlyDictionary<DateOnly, bool> exceptions, WorkingCalendarOptions options)
{
    /// <summary>Far enough for any SLA; a longer search means the calendar has no working day at all.</summary>
    private const int MaxDays = 3660;

    public WorkingCalendarOptions Options => options;

    /// <summary>A calendar with no holidays or make-up days, for callers that have not loaded one.</summary>
    public static WorkingCalendar Plain(WorkingCalendarOptions options) => new(new Dictionary<DateOnly, bool>(), options);

    public bool IsWorkday(DateOnly date) =>
        exceptions.TryGetValue(date, out bool isWorkday)
            ? isWorkday
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public bool IsHoliday(DateOnly date) => exceptions.TryGetValue(date, out bool isWorkday) && !isWorkday;

    public DateOnly NextWorkday(DateOnly after)
    {
        DateOnly date = after.AddDays(1);
        for (int i = 0; i < MaxDays; i++, date = date.AddDays(1))
        {
            if (IsWorkday(date))
            {
                return date;
            }
        }

        throw new InvalidOperationException("The working calendar has no working day in ten years.");
    }

    /// <summary>The instant <paramref name="workingTime"/> of office hours after <paramref name="start"/>.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingTime, string timeZone)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        if (workingTime == TimeSpan.Zero)
        {
            return start.ToUniversalTime();
        }

        TimeZoneInfo zone = TimeZones.Find(timeZone);
        TimeSpan remaining = workingTime;
        DateOnly date = TimeZones.LocalDate(start, zone);
        for (int i = 0; i < MaxDays; i++, date = date.AddDays(1))
        {
            foreach ((DateTimeOffset from, DateTimeOffset to) in Periods(date, zone))
            {
                DateTimeOffset effective = from > start ? from : start;
                if (effective >= to)
                {
                    continue;
                }

                TimeSpan available = to - effective;
                if (remaining <= available)
                {
                    return effective + remaining;
                }

                remaining -= available;
            }
        }

        throw new InvalidOperationException("The working calendar has no working day in ten years.");
    }

    /// <summary>Office hours between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to, string timeZone)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        TimeZoneInfo zone = TimeZones.Find(timeZone);
        TimeSpan total = TimeSpan.Zero;
        DateOnly last = TimeZones.LocalDate(to, zone);
        for (DateOnly date = TimeZones.LocalDate(from, zone); date <= last; date = date.AddDays(1))
        {
            foreach ((DateTimeOffset start, DateTimeOffset end) in Periods(date, zone))
            {
                DateTimeOffset a = start > from ? start : from;
                DateTimeOffset b = end < to ? end : to;
                if (b > a)
                {
                    total += b - a;
                }
            }
        }

        return total;
    }

    /// <summary>The office-hour periods of <paramref name="date"/> as UTC instants; none on a day off.</summary>
    public IEnumerable<(DateTimeOffset From, DateTimeOffset To)> Periods(DateOnly date, TimeZoneInfo zone)
    {
        if (!IsWorkday(date))
        {
            yield break;
        }

        DateTime midnight = date.ToDateTime(TimeOnly.MinValue);
        yield return (TimeZones.ToUtc(midnight + options.MorningStart, zone), TimeZones.ToUtc(midnight + options.MorningEnd, zone));
        yield return (TimeZones.ToUtc(midnight + options.AfternoonStart, zone), TimeZones.ToUtc(midnight + options.AfternoonEnd, zone));
    }
}
