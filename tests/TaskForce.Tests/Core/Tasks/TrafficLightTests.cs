using TaskForce.Core.Reports;
using TaskForce.Core.Tasks;

namespace TaskForce.Tests.Core.Tasks;

/// <summary>
/// The light and its reason at each edge of the default thresholds (yellow above 10 points behind, red above 25,
/// deadline near within 7 days below 80 %).
/// </summary>
public sealed class TrafficLightTests
{
    private static readonly DateOnly s_today = new(2026, 11, 30);
    private static readonly TrafficLightOptions s_options = new();

    public static TheoryData<int, int, int?, bool, Light, LightReason?> Table => new()
    {
        // start (days before today), deadline (days after today), percent, reported behind → light, reason. 50 / 50 days: 序时进度 50 %.
        { 50, 50, 40, false, Light.Green, null },
        { 50, 50, 39, false, Light.Yellow, new LightReason(LightReasonKind.BehindSchedule, PointsBehind: 11) },
        { 50, 50, 25, false, Light.Yellow, new LightReason(LightReasonKind.BehindSchedule, PointsBehind: 25) },
        { 50, 50, 24, false, Light.Red, new LightReason(LightReasonKind.BehindSchedule, PointsBehind: 26) },
        { 50, 50, null, false, Light.Red, new LightReason(LightReasonKind.BehindSchedule, PointsBehind: 50) },
        { 50, 50, 100, false, Light.Done, null },

        // a "behind" report counts only below 序时进度
        { 50, 50, 49, true, Light.Yellow, new LightReason(LightReasonKind.ReportedBehind, PointsBehind: 1) },
        { 50, 50, 50, true, Light.Green, null },
        { 60, 76, 60, true, Light.Green, null }, // 首店: 60 % against 44 %, reported behind earlier
        { 60, 28, 62, false, Light.Green, null }, // 62 % against 68 %: 6 points behind
        { 60, 28, 62, true, Light.Yellow, new LightReason(LightReasonKind.ReportedBehind, PointsBehind: 6) },

        // deadline near: 23 of 30 days is 77 %, 22 of 30 is 73 %
        { 23, 7, 70, false, Light.Yellow, new LightReason(LightReasonKind.DeadlineNear, DaysLeft: 7, Percent: 70) },
        { 23, 7, 79, false, Light.Yellow, new LightReason(LightReasonKind.DeadlineNear, DaysLeft: 7, Percent: 79) },
        { 23, 7, 80, false, Light.Green, null },
        { 22, 8, 70, false, Light.Green, null },
        { 25, 5, 40, false, Light.Red, new LightReason(LightReasonKind.BehindSchedule, PointsBehind: 43) },

        // on the deadline day 序时进度 is 100 %; the day after, the task is overdue
        { 30, 0, 95, false, Light.Green, null },
        { 30, 0, 89, false, Light.Yellow, new LightReason(LightReasonKind.BehindSchedule, PointsBehind: 11) },
        { 30, -1, 95, false, Light.Red, new LightReason(LightReasonKind.Overdue, Percent: 95, OverdueDays: 1) },
        { 30, -3, null, true, Light.Red, new LightReason(LightReasonKind.Overdue, Percent: 0, OverdueDays: 3) },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Evaluate_Table_GivesLightAndReason(int startDaysAgo, int deadlineInDays, int? percent, bool reportedBehind, Light light, LightReason? reason)
    {
        var task = new TaskProgress(s_today.AddDays(-startDaysAgo), s_today.AddDays(deadlineInDays), percent, Closed: false, reportedBehind);

        LightResult result = TrafficLight.Evaluate(task, s_today, s_options);

        Assert.Equal(new LightResult(light, reason), result);
        Assert.Equal(light, TrafficLight.Compute(task, s_today, s_options));
    }

    [Fact]
    public void Evaluate_BlockerPastSla_RedNamingTheBlockerWhateverTheProgress()
    {
        var task = new TaskProgress(s_today.AddDays(-60), s_today.AddDays(28), 62, Closed: false, BlockerPastSla: "用地审批未批复");

        LightResult result = TrafficLight.Evaluate(task, s_today, s_options);

        Assert.Equal(new LightResult(Light.Red, new LightReason(LightReasonKind.BlockerPastSla, Blocker: "用地审批未批复")), result);
    }

    [Fact]
    public void Evaluate_OverdueWithBlockerPastSla_OverdueIsTheReason()
    {
        var task = new TaskProgress(s_today.AddDays(-60), s_today.AddDays(-2), 70, Closed: false, BlockerPastSla: "用地审批未批复");

        LightResult result = TrafficLight.Evaluate(task, s_today, s_options);

        Assert.Equal(LightReasonKind.Overdue, result.Reason?.Kind);
        Assert.Equal(2, result.Reason?.OverdueDays);
    }

    [Fact]
    public void Evaluate_Closed_DoneWithoutReason()
    {
        var task = new TaskProgress(s_today.AddDays(-60), s_today.AddDays(-2), 10, Closed: true, ReportedBehind: true, BlockerPastSla: "x");

        Assert.Equal(new LightResult(Light.Done, null), TrafficLight.Evaluate(task, s_today, s_options));
    }

    [Fact]
    public void Evaluate_StricterOptions_ThresholdsComeFromOptions()
    {
        var strict = new TrafficLightOptions { YellowBehindPoints = 5, RedBehindPoints = 15, DeadlineNearDays = 3, DeadlineNearMinPercent = 50 };
        var sixBehind = new TaskProgress(s_today.AddDays(-60), s_today.AddDays(28), 62, Closed: false);

        Assert.Equal(new LightReason(LightReasonKind.BehindSchedule, PointsBehind: 6), TrafficLight.Evaluate(sixBehind, s_today, strict).Reason);
        Assert.Equal(Light.Yellow, TrafficLight.Compute(sixBehind, s_today, strict));
    }

    [Theory]
    [InlineData(ReportStatuses.Behind, 60, null)] // 序时进度 44 %
    [InlineData(ReportStatuses.Behind, 44, null)]
    [InlineData(ReportStatuses.Behind, 43, ReportStatuses.Behind)]
    [InlineData(ReportStatuses.Behind, null, ReportStatuses.Behind)]
    [InlineData(ReportStatuses.OnTrack, 20, ReportStatuses.OnTrack)]
    [InlineData(null, 60, null)]
    public void ShownStatus_BehindAgainstPercent_HiddenOnlyWhenContradicted(string? status, int? percent, string? shown)
    {
        Assert.Equal(shown, TrafficLight.ShownStatus(status, percent, s_today.AddDays(-60), s_today.AddDays(76), s_today));
    }
}
