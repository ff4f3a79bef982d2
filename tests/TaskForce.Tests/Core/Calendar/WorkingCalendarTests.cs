using TaskForce.Core.Calendar;

namespace TaskForce.Tests.Core.Calendar;

public sealed class WorkingCalendarTests
{
    private const string Zone = "Asia/Shanghai";

    // 2030-03-08 is a Friday; Sunday 03-10 is a make-up workday (调休) and Monday 03-11 a statutory holiday.
    private static readonly WorkingCalendar s_calendar = new(
        new Dictionary<DateOnly, bool> { [new DateOnly(2030, 3, 10)] = true, [new DateOnly(2030, 3, 11)] = false },
        new WorkingCalendarOptions());

    private static DateTimeOffset Local(string text) => DateTimeOffset.Parse(text + "+08:00", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void AddWorkingTime_WithinMorning_AddsDirectly()
    {
        DateTimeOffset due = s_calendar.AddWorkingTime(Local("2030-03-08T09:30"), TimeSpan.FromHours(2), Zone);

        Assert.Equal(Local("2030-03-08T11:30"), due);
    }

    [Fact]
    public void AddWorkingTime_AcrossLunchBreak_SkipsTheBreak()
    {
        DateTimeOffset due = s_calendar.AddWorkingTime(Local("2030-03-08T11:00"), TimeSpan.FromHours(2), Zone);

        Assert.Equal(Local("2030-03-08T14:30"), due);
    }

    [Fact]
    public void AddWorkingTime_AcrossWeekendMakeUpDayAndHoliday_CountsOnlyWorkingHours()
    {
        // Friday 16:00–17:30 (1.5 h), Saturday off, Sunday make-up day (7 h), Monday holiday, Tuesday 7 h, Wednesday 0.5 h.
        DateTimeOffset due = s_calendar.AddWorkingTime(Local("2030-03-08T16:00"), TimeSpan.FromHours(16), Zone);

        Assert.Equal(Local("2030-03-13T09:30"), due);
    }

    [Fact]
    public void AddWorkingTime_StartOnHolidayEvening_StartsNextWorkingMorning()
    {
        DateTimeOffset due = s_calendar.AddWorkingTime(Local("2030-03-11T20:00"), TimeSpan.FromMinutes(30), Zone);

        Assert.Equal(Local("2030-03-12T09:30"), due);
    }

    [Fact]
    public void WorkingTimeBetween_FridayEveningToTuesdayMorning_CountsMakeUpDayOnly()
    {
        TimeSpan worked = s_calendar.WorkingTimeBetween(Local("2030-03-08T18:00"), Local("2030-03-12T09:00"), Zone);

        Assert.Equal(TimeSpan.FromHours(7), worked);
    }

    [Fact]
    public void IsWorkday_PlainSaturdayAndMakeUpSunday_FollowTheCalendar()
    {
        Assert.False(s_calendar.IsWorkday(new DateOnly(2030, 3, 9)));
        Assert.True(s_calendar.IsWorkday(new DateOnly(2030, 3, 10)));
        Assert.False(s_calendar.IsWorkday(new DateOnly(2030, 3, 11)));
        Assert.Equal(new DateOnly(2030, 3, 12), s_calendar.NextWorkday(new DateOnly(2030, 3, 10)));
    }

    [Fact]
    public void Validate_AfternoonBeforeMorning_Fails()
    {
        var options = new WorkingCalendarOptions { AfternoonStart = TimeSpan.FromHours(8) };

        var results = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Single(results);
    }
}
