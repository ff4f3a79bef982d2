using TaskForce.Core.Calendar;
using TaskForce.Core.Meetings;

namespace TaskForce.Tests.Core.Meetings;

public sealed class MeetingScheduleTests
{
    private static readonly WorkingCalendar s_calendar = new(
        new Dictionary<DateOnly, bool> { [new DateOnly(2030, 3, 18)] = false, [new DateOnly(2030, 3, 19)] = false },
        new WorkingCalendarOptions());

    private static Meeting Weekly(HolidayPolicy policy = HolidayPolicy.Skip, string zone = "Asia/Shanghai", DateTimeOffset? cancelled = null) => new(
        1, 1, "weekly", "Weekly dispatch", null, "FREQ=WEEKLY;BYDAY=MO", new DateTime(2030, 3, 4, 9, 0, 0), zone, 60, null, policy, [1440, 30], cancelled, 1);

    private static DateTimeOffset Utc(int month, int day, int hour = 0, int minute = 0) => new(2030, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Occurrences_WeeklyInShanghai_StartAtLocalNineAsUtc()
    {
        IReadOnlyList<MeetingOccurrence> occurrences = MeetingSchedule.Occurrences(Weekly(), WorkingCalendar.Plain(new()), Utc(3, 1), Utc(3, 15));

        Assert.Equal([Utc(3, 4, 1), Utc(3, 11, 1)], occurrences.Select(o => o.Start));
    }

    [Fact]
    public void Occurrences_HolidayWithSkipPolicy_DropsTheOccurrence()
    {
        IReadOnlyList<MeetingOccurrence> occurrences = MeetingSchedule.Occurrences(Weekly(), s_calendar, Utc(3, 15), Utc(3, 29));

        Assert.Equal([Utc(3, 25, 1)], occurrences.Select(o => o.Start));
    }

    [Fact]
    public void Occurrences_HolidaysWithNextWorkdayPolicy_MovesToSameTimeOnNextWorkingDay()
    {
        IReadOnlyList<MeetingOccurrence> occurrences = MeetingSchedule.Occurrences(Weekly(HolidayPolicy.NextWorkday), s_calendar, Utc(3, 15), Utc(3, 29));

        Assert.Equal([Utc(3, 20, 1), Utc(3, 25, 1)], occurrences.Select(o => o.Start));
        Assert.True(occurrences[0].Moved);
        Assert.Equal(Utc(3, 18, 1), occurrences[0].ScheduledStart);
    }

    [Fact]
    public void Occurrences_HolidayWithKeepPolicy_KeepsTheOccurrence()
    {
        IReadOnlyList<MeetingOccurrence> occurrences = MeetingSchedule.Occurrences(Weekly(HolidayPolicy.Keep), s_calendar, Utc(3, 15), Utc(3, 22));

        Assert.Equal([Utc(3, 18, 1)], occurrences.Select(o => o.Start));
    }

    [Fact]
    public void Occurrences_CancelledMeeting_None()
    {
        IReadOnlyList<MeetingOccurrence> occurrences = MeetingSchedule.Occurrences(Weekly(cancelled: Utc(3, 1)), s_calendar, Utc(3, 1), Utc(4, 1));

        Assert.Empty(occurrences);
    }

    [Fact]
    public void Occurrences_ZoneWithDaylightSaving_KeepsLocalWallTime()
    {
        // New York switches to DST on 2030-03-10: 09:00 local is 14:00Z before and 13:00Z after.
        IReadOnlyList<MeetingOccurrence> occurrences = MeetingSchedule.Occurrences(
            Weekly(zone: "America/New_York"), WorkingCalendar.Plain(new()), Utc(3, 1), Utc(3, 12));

        Assert.Equal([Utc(3, 4, 14), Utc(3, 11, 13)], occurrences.Select(o => o.Start));
    }

    [Fact]
    public void Previous_SecondOccurrence_ReturnsFirst()
    {
        MeetingOccurrence? previous = MeetingSchedule.Previous(Weekly(), WorkingCalendar.Plain(new()), Utc(3, 11, 1));

        Assert.Equal(Utc(3, 4, 1), previous?.Start);
    }
}
