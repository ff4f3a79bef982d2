using TaskForce.Dialogs.Recognizers;

namespace TaskForce.Tests.Dialogs.Recognizers;

public sealed class DepartmentRecognitionTests
{
    private static readonly RuleRecognizer s_recognizer = new();

    private static readonly RecognitionContext s_context = new(
        new DateOnly(2026, 11, 30),
        [new TaskCandidate(1, "海洋牧场示范区建设", "Marine ranching demonstration zone", [], 1)],
        [
            new NamedCandidate(1, "市海洋发展局", "Ocean Development Bureau", ["海洋局"]),
            new NamedCandidate(2, "市商务局", "Commerce Bureau", ["商务局"]),
            new NamedCandidate(3, "市自然资源和规划局", "Natural Resources and Planning Bureau", ["自规局"]),
        ],
        []);

    private static RecognizedEntities Entities(string text) => s_recognizer.Recognize(text, s_context).Entities;

    [Theory]
    [InlineData("海洋局、商务局", new long[] { 1, 2 })]
    [InlineData("市海洋发展局，市商务局", new long[] { 1, 2 })]
    [InlineData("海洋局和商务局", new long[] { 1, 2 })]
    [InlineData("海洋局 商务局", new long[] { 1, 2 })]
    [InlineData("商务", new long[] { 2 })]
    [InlineData("商务、海洋发展", new long[] { 2, 1 })]
    [InlineData("需要商务配合", new long[] { 2 })]
    [InlineData("需市自然资源和规划局和商务局配合", new long[] { 3, 2 })]
    [InlineData("commerce", new long[] { 2 })]
    [InlineData("Commerce Bureau and Ocean Development Bureau", new long[] { 2, 1 })]
    [InlineData("commerce, ocean", new long[] { 2, 1 })]
    public void Recognize_SeveralDepartments_KeepsEveryOne(string text, long[] expected)
    {
        Assert.Equal(expected, Entities(text).DepartmentIds);
    }

    [Theory]
    [InlineData("海洋牧场 卡在用地审批")]
    [InlineData("无")]
    [InlineData("none")]
    [InlineData("需市里协调")]
    public void Recognize_NoDepartmentNamed_GivesNone(string text)
    {
        RecognizedEntities entities = Entities(text);

        Assert.Empty(entities.DepartmentIds);
        Assert.Empty(entities.UnknownDepartments);
    }

    [Theory]
    [InlineData("海洋、自规局", "海洋")]
    [InlineData("ocean, commerce", "ocean")]
    public void Recognize_PartialNameTwoDepartmentsHave_IsAmbiguousNotDroppedNorGuessed(string text, string partial)
    {
        var context = s_context with
        {
            Departments = [.. s_context.Departments, new NamedCandidate(4, "市海洋与渔业执法支队", "Ocean and Fisheries Enforcement Unit", [])],
        };

        RecognizedEntities entities = s_recognizer.Recognize(text, context).Entities;

        AmbiguousName ambiguous = Assert.Single(entities.AmbiguousDepartments);
        Assert.Equal(partial, ambiguous.Name);
        Assert.Equal([1L, 4L], ambiguous.DepartmentIds.Order());
        Assert.DoesNotContain(1L, entities.DepartmentIds);
        Assert.DoesNotContain(4L, entities.DepartmentIds);
        Assert.True(entities.HasUnsettledDepartments);
    }

    [Fact]
    public void Recognize_UnknownDepartmentBesideKnownOne_KeepsKnownAndReportsUnknown()
    {
        RecognizedEntities entities = Entities("住建局、自规局");

        Assert.Equal([3L], entities.DepartmentIds);
        Assert.Equal(["住建局"], entities.UnknownDepartments);
    }

    [Theory]
    [InlineData("需住建局配合", "住建局")]
    [InlineData("卡在审批，需要市住建委协调", "市住建委")]
    [InlineData("need help from the Housing Bureau", "housing bureau")]
    public void Recognize_DepartmentNotInRoster_IsReported(string text, string unknown)
    {
        Assert.Equal([unknown], Entities(text).UnknownDepartments);
    }

    [Theory]
    [InlineData("这事怎么办")]
    [InlineData("正在办理手续")]
    [InlineData("格局已定")]
    public void Recognize_WordsEndingLikeADepartment_AreNotReported(string text)
    {
        Assert.Empty(Entities(text).UnknownDepartments);
    }
}
