using TaskForce.Dialogs.Recognizers;

namespace TaskForce.Tests.Dialogs.Recognizers;

public sealed class VagueAmountTests
{
    private static readonly RuleRecognizer s_recognizer = new();

    private static readonly RecognitionContext s_context = new(
        new DateOnly(2026, 11, 30),
        [new TaskCandidate(1, "海洋牧场示范区建设", "Marine ranching demonstration zone", [], 1)],
        [],
        []);

    [Theory]
    [InlineData("海洋牧场 做了一大半", new[] { 60, 70, 80 })]
    [InlineData("海洋牧场差不多弄完了", new[] { 80, 90, 95 })]
    [InlineData("marine ranching is almost done", new[] { 80, 90, 95 })]
    [InlineData("海洋牧场刚起步", new[] { 5, 10, 20 })]
    public void Recognize_VagueAmount_IsNoFigureAndOffersChoices(string text, int[] choices)
    {
        Recognition recognition = s_recognizer.Recognize(text, s_context);

        Assert.Null(recognition.Entities.Percent);
        Assert.Null(recognition.Entities.Status);
        Assert.Equal(choices, recognition.Entities.VagueChoices);
        Assert.Equal(Intent.ReportProgress, recognition.Intent);
    }

    [Theory]
    [InlineData("海洋牧场 大半了 70%")]
    [InlineData("海洋牧场 已完成")]
    [InlineData("海洋牧场 卡在用地审批")]
    public void Recognize_FigureStatusOrNothingVague_OffersNothing(string text)
    {
        Assert.Null(s_recognizer.Recognize(text, s_context).Entities.VagueChoices);
    }
}
