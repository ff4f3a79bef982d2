using TaskForce.Dialogs.Recognizers;

namespace TaskForce.Tests.Dialogs.Recognizers;

public sealed class FragmentMatcherTests
{
    [Theory]
    [InlineData("疏浚 百分之三十", "harbor")]
    [InlineData("景观那边 四成", "park1")]
    [InlineData("海洋目场 五成", "ocean")]
    [InlineData("港池书浚 三成", "harbor")]
    [InlineData("莱西的零件园 两成", "laixi")]
    public void Recognize_FragmentOrHomophoneOfOneTask_FindsThatTask(string text, string task)
    {
        Recognition result = new RuleRecognizer().Recognize(text, RecognizerCorpus.Instance.Context);

        Assert.Equal([RecognizerCorpus.Instance.TaskIds[task]], result.Entities.TaskIds);
    }

    [Theory]
    [InlineData("项目审批还没批下来")]
    [InlineData("乐园 五成")]
    [InlineData("二期 八成")]
    public void Recognize_GenericOrSharedFragment_FindsNoTask(string text)
    {
        Recognition result = new RuleRecognizer().Recognize(text, RecognizerCorpus.Instance.Context);

        Assert.Empty(result.Entities.TaskIds);
    }
}
