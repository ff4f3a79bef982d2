using TaskForce.Dialogs.Recognizers;

namespace TaskForce.Tests.Dialogs.Recognizers;

public sealed class DateParserTests
{
    private static readonly DateOnly s_monday = new(2026, 11, 30);

    private static DateResult Parse(string text, DateOnly today) =>
        DateParser.Parse(TextNormalizer.Normalize(text), today, Lexicon.Default);

    [Theory]
    [InlineData("本周", DateScope.ThisWeek, "2026-11-30", "2026-12-06")]
    [InlineData("这周", DateScope.ThisWeek, "2026-11-30", "2026-12-06")]
    [InlineData("this week", DateScope.ThisWeek, "2026-11-30", "2026-12-06")]
    [InlineData("下周", DateScope.NextWeek, "2026-12-07", "2026-12-13")]
    [InlineData("next week", DateScope.NextWeek, "2026-12-07", "2026-12-13")]
    [InlineData("本月", DateScope.ThisMonth, "2026-11-01", "2026-11-30")]
    [InlineData("this month", DateScope.ThisMonth, "2026-11-01", "2026-11-30")]
    [InlineData("今天", DateScope.Today, "2026-11-30", "2026-11-30")]
    [InlineData("下周一", DateScope.ByDate, "2026-12-07", "2026-12-07")]
    [InlineData("next Monday", DateScope.ByDate, "2026-12-07", "2026-12-07")]
    [InlineData("星期三", DateScope.ByDate, "2026-12-02", "2026-12-02")]
    [InlineData("12月5日", DateScope.ByDate, "2026-12-05", "2026-12-05")]
    [InlineData("12月5号", DateScope.ByDate, "2026-12-05", "2026-12-05")]
    [InlineData("12 月 5 日", DateScope.ByDate, "2026-12-05", "2026-12-05")]
    [InlineData("3 天后", DateScope.ByDate, "2026-12-03", "2026-12-03")]
    [InlineData("Dec 5", DateScope.ByDate, "2026-12-05", "2026-12-05")]
    [InlineData("5th December", DateScope.ByDate, "2026-12-05", "2026-12-05")]
    [InlineData("2026-12-05", DateScope.ByDate, "2026-12-05", "2026-12-05")]
    [InlineData("2027年1月5日", DateScope.ByDate, "2027-01-05", "2027-01-05")]
    [InlineData("3天后", DateScope.ByDate, "2026-12-03", "2026-12-03")]
    [InlineData("三天后", DateScope.ByDate, "2026-12-03", "2026-12-03")]
    [InlineData("in 3 days", DateScope.ByDate, "2026-12-03", "2026-12-03")]
    [InlineData("明天", DateScope.ByDate, "2026-12-01", "2026-12-01")]
    [InlineData("月底", DateScope.ByDate, "2026-11-30", "2026-11-30")]
    [InlineData("end of month", DateScope.ByDate, "2026-11-30", "2026-11-30")]
    [InlineData("年底", DateScope.ByDate, "2026-12-31", "2026-12-31")]
    [InlineData("下个月", DateScope.ByDate, "2026-12-01", "2026-12-31")]
    [InlineData("12月中旬", DateScope.ByDate, "2026-12-20", "2026-12-20")]
    [InlineData("本月下旬", DateScope.ByDate, "2026-11-30", "2026-11-30")]
    [InlineData("1月上旬", DateScope.ByDate, "2027-01-10", "2027-01-10")]
    [InlineData("late Dec", DateScope.ByDate, "2026-12-31", "2026-12-31")]
    [InlineData("两周后", DateScope.ByDate, "2026-12-14", "2026-12-14")]
    [InlineData("in 2 weeks", DateScope.ByDate, "2026-12-14", "2026-12-14")]
    public void Parse_DateWords_ResolveAgainstToday(string text, DateScope scope, string from, string to)
    {
        DateResult result = Parse(text, s_monday);

        Assert.Equal(scope, result.Scope);
        Assert.Equal(new DateRange(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), result.Dates);
    }

    [Theory]
    [InlineData("未来7天", 7)]
    [InlineData("近7天", 7)]
    [InlineData("最近三天", 3)]
    [InlineData("10天内", 10)]
    [InlineData("next 7 days", 7)]
    [InlineData("within the next 14 days", 14)]
    [InlineData("两周内", 14)]
    [InlineData("未来2周内", 14)]
    [InlineData("next 2 weeks", 14)]
    public void Parse_NextDays_GivesCountAndRange(string text, int days)
    {
        DateResult result = Parse(text, s_monday);

        Assert.Equal(DateScope.NextDays, result.Scope);
        Assert.Equal(days, result.NextDays);
        Assert.Equal(new DateRange(s_monday, s_monday.AddDays(days)), result.Dates);
    }

    [Theory]
    [InlineData("周五前", "2026-12-04")]
    [InlineData("本周五前", "2026-12-04")]
    [InlineData("by Friday", "2026-12-04")]
    [InlineData("月底前完成", "2026-11-30")]
    [InlineData("预计12月20日完成", "2026-12-20")]
    [InlineData("by end of month", "2026-11-30")]
    [InlineData("before Dec 15", "2026-12-15")]
    [InlineData("本周完成招标", "2026-12-06")]
    public void Parse_DeadlineOrForecast_SetsDueDate(string text, string due)
    {
        DateResult result = Parse(text, s_monday);

        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), result.DueDate);
    }

    [Fact]
    public void Parse_DeadlineWithBefore_RangesFromToday()
    {
        DateResult result = Parse("周五前", s_monday);

        Assert.Equal(new DateRange(s_monday, new DateOnly(2026, 12, 4)), result.Dates);
    }

    [Theory]
    [InlineData("20号前", "2026-12-20")]
    [InlineData("30日之前", "2026-11-30")]
    [InlineData("五号前要交", "2026-12-05")]
    [InlineData("due by the 15th", "2026-12-15")]
    [InlineData("春节前", "2027-02-06")]
    [InlineData("before Chinese New Year", "2027-02-06")]
    [InlineData("元旦前", "2027-01-01")]
    [InlineData("before New Year", "2027-01-01")]
    [InlineData("国庆之前", "2027-10-01")]
    public void Parse_DayOfMonthOrFestivalWithBefore_IsTheNextSuchDay(string text, string due)
    {
        DateResult result = Parse(text, s_monday);

        Assert.Equal(DateScope.ByDate, result.Scope);
        Assert.Equal(new DateRange(s_monday, DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture)), result.Dates);
    }

    [Fact]
    public void Parse_DayOfMonthWithoutBefore_IsNoDate()
    {
        Assert.Equal(DateScope.None, Parse("签了20号合同", s_monday).Scope);
    }

    [Fact]
    public void Parse_PlainDate_HasNoDueDate()
    {
        Assert.Null(Parse("12月5日到期的任务", s_monday).DueDate);
    }

    [Theory]
    [InlineData("2026-12-28", "1月5日", "2027-01-05")]
    [InlineData("2026-12-28", "Jan 5", "2027-01-05")]
    [InlineData("2027-01-03", "12月28日", "2026-12-28")]
    [InlineData("2026-12-28", "3天后", "2026-12-31")]
    [InlineData("2026-12-30", "3天后", "2027-01-02")]
    [InlineData("2026-12-28", "下周一", "2027-01-04")]
    [InlineData("2026-12-10", "月底", "2026-12-31")]
    [InlineData("2027-02-10", "月底", "2027-02-28")]
    [InlineData("2026-12-06", "周五", "2026-12-11")]
    [InlineData("2026-12-06", "本周五", "2026-12-04")]
    public void Parse_AcrossMonthAndYearEnds_RollsOver(string today, string text, string expected)
    {
        DateResult result = Parse(text, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Dates?.From);
    }

    [Fact]
    public void Parse_NextWeekAcrossYearEnd_SpansTheNewYear()
    {
        DateResult result = Parse("下周", new DateOnly(2026, 12, 28));

        Assert.Equal(new DateRange(new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 10)), result.Dates);
    }

    [Theory]
    [InlineData("逾期")]
    [InlineData("超期任务")]
    [InlineData("overdue")]
    [InlineData("past due")]
    public void Parse_OverdueWords_GiveOverdueScope(string text)
    {
        DateResult result = Parse(text, s_monday);

        Assert.Equal(DateScope.Overdue, result.Scope);
        Assert.Null(result.Dates);
    }

    [Theory]
    [InlineData("海洋牧场完成70%")]
    [InlineData("13月40日")]
    [InlineData("比计划慢两周")]
    public void Parse_NoDate_ReturnsNone(string text)
    {
        Assert.Equal(DateScope.None, Parse(text, s_monday).Scope);
    }
}
