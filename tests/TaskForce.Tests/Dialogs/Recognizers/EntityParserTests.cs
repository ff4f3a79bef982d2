using TaskForce.Dialogs.Recognizers;

namespace TaskForce.Tests.Dialogs.Recognizers;

public sealed class EntityParserTests
{
    private static readonly RuleRecognizer s_recognizer = new();

    private static readonly RecognitionContext s_context = new(
        new DateOnly(2026, 11, 30),
        [
            new TaskCandidate(1, "海洋牧场示范区建设", "Marine ranching demonstration zone", [], 1),
            new TaskCandidate(2, "海洋牧场示范区配套码头", null, [], 2),
            new TaskCandidate(3, "海岸乐园二期主体封顶", "Coastal park phase 2 topping out", ["乐园二期"], 3),
            new TaskCandidate(4, "港池疏浚工程", "Harbor dredging", [], 4),
        ],
        [
            new NamedCandidate(101, "市自然资源和规划局", "Natural Resources and Planning Bureau", ["资规局"]),
            new NamedCandidate(103, "市财政局", "Finance Bureau", []),
        ],
        [new NamedCandidate(201, "国际时尚城建设攻势", "International Fashion City Offensive", ["时尚城攻势"])]);

    private static RecognizedEntities Entities(string text) => s_recognizer.Recognize(text, s_context).Entities;

    [Theory]
    [InlineData("已完成", ReportStatus.Done)]
    [InlineData("已完成了", ReportStatus.Done)]
    [InlineData("基本完成", ReportStatus.InProgress)]
    [InlineData("推进中", ReportStatus.InProgress)]
    [InlineData("正在推进", ReportStatus.InProgress)]
    [InlineData("按序时推进", ReportStatus.OnTrack)]
    [InlineData("按计划推进", ReportStatus.OnTrack)]
    [InlineData("符合序时进度", ReportStatus.OnTrack)]
    [InlineData("滞后", ReportStatus.Behind)]
    [InlineData("进度滞后", ReportStatus.Behind)]
    [InlineData("未启动", ReportStatus.NotStarted)]
    [InlineData("done", ReportStatus.Done)]
    [InlineData("in progress", ReportStatus.InProgress)]
    [InlineData("on track", ReportStatus.OnTrack)]
    [InlineData("behind", ReportStatus.Behind)]
    [InlineData("not started", ReportStatus.NotStarted)]
    public void Recognize_StatusWords_GiveStatus(string text, ReportStatus expected)
    {
        Assert.Equal(expected, Entities(text).Status);
    }

    [Theory]
    [InlineData("已完成招标")]
    [InlineData("abandoned")]
    [InlineData("nobody")]
    public void Recognize_WordsThatOnlyContainAStatus_GiveNoStatus(string text)
    {
        Assert.Null(Entities(text).Status);
    }

    [Fact]
    public void Recognize_DoneWithPartialPercent_IsInProgress()
    {
        RecognizedEntities entities = Entities("已完成70%");

        Assert.Equal(70, entities.Percent);
        Assert.Equal(ReportStatus.InProgress, entities.Status);
    }

    [Theory]
    [InlineData("紧急", Severity.Critical)]
    [InlineData("很严重", Severity.Critical)]
    [InlineData("critical", Severity.Critical)]
    [InlineData("高", Severity.High)]
    [InlineData("high", Severity.High)]
    [InlineData("优先级:高", Severity.High)]
    [InlineData("一般", Severity.Medium)]
    [InlineData("medium", Severity.Medium)]
    [InlineData("低", Severity.Low)]
    [InlineData("low priority", Severity.Low)]
    public void Recognize_SeverityWords_GiveSeverity(string text, Severity expected)
    {
        Assert.Equal(expected, Entities(text).Severity);
    }

    [Theory]
    [InlineData("高端制造业")]
    [InlineData("high-end manufacturing")]
    [InlineData("低于预期")]
    public void Recognize_LevelWordInsideOtherWords_GivesNoSeverity(string text)
    {
        Assert.Null(Entities(text).Severity);
    }

    [Theory]
    [InlineData("海洋牧场 卡在用地审批", "卡在用地审批")]
    [InlineData("海洋牧场 资金未到位", "资金未到位")]
    [InlineData("需市自然资源和规划局配合", "需市自然资源和规划局配合")]
    [InlineData("施工许可还没下来,下周再跟进", "施工许可还没下来")]
    [InlineData("harbor dredging 40%, waiting for permit", "waiting for permit")]
    [InlineData("blocked by the land quota", "blocked by the land quota")]
    public void Recognize_BlockerPhrases_GiveBlockerText(string text, string expected)
    {
        Assert.Equal(expected, Entities(text).BlockerText);
    }

    [Fact]
    public void Recognize_ReportWithBlocker_KeepsTheRestAsNote()
    {
        RecognizedEntities entities = Entities("海洋牧场 完成70% 本周完成招标，卡在用地审批");

        Assert.Equal("卡在用地审批", entities.BlockerText);
        Assert.Equal("本周完成招标", entities.Note);
    }

    [Theory]
    [InlineData("海洋牧场", new long[] { 1, 2 })]
    [InlineData("海洋牧场示范区建设 70%", new long[] { 1 })]
    [InlineData("海洋牧场示范区配套", new long[] { 2 })]
    [InlineData("乐园二期 50%", new long[] { 3 })]
    [InlineData("海岸乐园", new long[] { 3 })]
    [InlineData("harbor dredging 60%", new long[] { 4 })]
    [InlineData("marine ranching", new long[] { 1 })]
    [InlineData("港池疏浚 完成", new long[] { 4 })]
    [InlineData("示范", new long[0])]
    [InlineData("完成70%", new long[0])]
    public void Recognize_TaskReferences_PickTheMostSpecificMatch(string text, long[] expected)
    {
        Assert.Equal(expected, Entities(text).TaskIds);
    }

    [Theory]
    [InlineData("3", 3, 3L)]
    [InlineData("第3个", 3, 3L)]
    [InlineData("#4 60%", 4, 4L)]
    [InlineData("task 1 done", 1, 1L)]
    [InlineData("2 完成60%", 2, 2L)]
    public void Recognize_ListNumbers_PickTheListedTask(string text, int number, long taskId)
    {
        RecognizedEntities entities = Entities(text);

        Assert.Equal(number, entities.ListNumber);
        Assert.Equal([taskId], entities.TaskIds);
    }

    [Theory]
    [InlineData("需资规局和市财政局配合", new long[] { 101, 103 })]
    [InlineData("需财政局协调", new long[] { 103 })]
    [InlineData("need help from the Finance Bureau", new long[] { 103 })]
    [InlineData("需市里协调", new long[0])]
    public void Recognize_DepartmentNamesAndAliases_GiveAllDepartments(string text, long[] expected)
    {
        Assert.Equal(expected, Entities(text).DepartmentIds);
    }

    [Theory]
    [InlineData("时尚城攻势进度怎么样", new long[] { 201 })]
    [InlineData("國際時尚城建設攻勢", new long[] { 201 })]
    [InlineData("fashion city offensive status", new long[] { 201 })]
    public void Recognize_CampaignNames_GiveCampaign(string text, long[] expected)
    {
        Assert.Equal(expected, Entities(text).CampaignIds);
    }

    [Fact]
    public void Recognize_LinkCode_OnlyForLinkAccount()
    {
        Assert.Equal("123456", Entities("绑定 123456").LinkCode);
        Assert.Null(Entities("海洋牧场投资1200万元").LinkCode);
    }

    [Fact]
    public void Recognize_EmptyText_IsNone()
    {
        Recognition result = s_recognizer.Recognize("  ", s_context);

        Assert.Equal(Intent.None, result.Intent);
        Assert.Same(RecognizedEntities.Empty, result.Entities);
    }
}
