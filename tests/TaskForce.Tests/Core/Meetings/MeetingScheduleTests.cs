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

    [Fact]
    public void Occurrences_ExceptionDate_SkipsThatOccurrenceOnly()
    {
        Meeting meeting = Weekly() with { Exceptions = new HashSet<DateOnly> { new(2030, 3, 11) } };

        IReadOnlyList<MeetingOccurrence> occurrences = MeetingSchedule.Occurrences(meeting, WorkingCalendar.Plain(new()), Utc(3, 1), Utc(3, 22));

        Assert.Equal([Utc(3, 4, 1), Utc(3, 18, 1)], occurrences.Select(o => o.Start));
    }

    [Fact]
    public void Occurrences_ExceptionOnTheRuleDateOfAMovedOccurrence_DropsTheMovedOccurrence()
    {
        // Monday the 18th is a holiday and moves to Wednesday the 20th; the exception names the rule's date, as EXDATE does.
        Meeting meeting = Weekly(HolidayPolicy.NextWorkday) with { Exceptions = new HashSet<DateOnly> { new(2030, 3, 18) } };

        IReadOnlyList<MeetingOccurrence> occurrences = MeetingSchedule.Occurrences(meeting, s_calendar, Utc(3, 15), Utc(3, 29));

        Assert.Equal([Utc(3, 25, 1)], occurrences.Select(o => o.Start));
    }

    [Fact]
    public void Previous_ExceptionInBetween_ReturnsTheOccurrenceBeforeIt()
    {
        Meeting meeting = Weekly() with { Exceptions = new HashSet<DateOnly> { new(2030, 3, 11) } };

        MeetingOccurrence? previous = MeetingSchedule.Previous(meeting, WorkingCalendar.Plain(new()), Utc(3, 18, 1));

        Assert.Equal(Utc(3, 4, 1), previous?.Start);
    }

    [Theory]
    [InlineData("2030-03-11", true)]
    [InlineData("2030-03-04", true)]
    [InlineData("2030-03-12", false)]
    [InlineData("2030-02-25", false)]
    public void IsRuleDate_WeeklyOnMondaysFromTheFourth_OnlyMondaysFromTheStart(string date, bool expected)
    {
        bool actual = MeetingSchedule.IsRuleDate("FREQ=WEEKLY;BYDAY=MO", new DateTime(2030, 3, 4, 9, 0, 0), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void IsRuleDate_AfterTheRuleCount_False()
    {
        bool actual = MeetingSchedule.IsRuleDate("FREQ=WEEKLY;BYDAY=MO;COUNT=2", new DateTime(2030, 3, 4, 9, 0, 0), new DateOnly(2030, 3, 18));

        Assert.False(actual);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(18)]
    public void OnDate_MovedOccurrence_FoundByItsNewDateAndByItsRuleDate(int day)
    {
        MeetingOccurrence? occurrence = MeetingSchedule.OnDate(Weekly(HolidayPolicy.NextWorkday), s_calendar, new DateOnly(2030, 3, day));

        Assert.Equal(Utc(3, 20, 1), occurrence?.Start);
        Assert.Equal(Utc(3, 18, 1), occurrence?.ScheduledStart);
    }

    [Fact]
    public void OnDate_DayWithoutOccurrence_Null()
    {
        MeetingOccurrence? occurrence = MeetingSchedule.OnDate(Weekly(), WorkingCalendar.Plain(new()), new DateOnly(2030, 3, 12));

        Assert.Null(occurrence);
    }
}
