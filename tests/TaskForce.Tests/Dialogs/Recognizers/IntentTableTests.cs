using TaskForce.Dialogs.Recognizers;

namespace TaskForce.Tests.Dialogs.Recognizers;

public sealed class IntentTableTests
{
    [Theory]
    [InlineData("please link my account", true)]
    [InlineData("link", true)]
    [InlineData("unlinkable", false)]
    [InlineData("links", false)]
    [InlineData("绑定账号", true)]
    public void Find_LatinPhrase_CountsOnlyOnWordBoundaries(string text, bool expected)
    {
        Assert.Equal(expected, IntentTable.Default.Find(text).Mentions(Intent.LinkAccount));
    }

    [Theory]
    [InlineData("需要协调", true)]
    [InlineData("需要市里帮忙协调", true)]
    [InlineData("需要", false)]
    public void Find_EscalationWordsOrPattern_MentionEscalation(string text, bool expected)
    {
        Assert.Equal(expected, IntentTable.Default.Find(text).Mentions(Intent.EscalateBlocker));
    }

    [Theory]
    [InlineData("海洋牧场进度怎么样?", true)]
    [InlineData("which tasks are late", true)]
    [InlineData("whichever", false)]
    [InlineData("海洋牧场完成70%", false)]
    public void Find_QuestionWords_MarkAQuestion(string text, bool expected)
    {
        Assert.Equal(expected, IntentTable.Default.Find(text).IsQuestion);
    }

    [Fact]
    public void Exact_WordOfSeveralIntents_GivesTheFirstInTheOrder()
    {
        Assert.Equal(Intent.AmendReport, IntentTable.Default.Exact("correct", [Intent.AmendReport, Intent.Confirm]));
        Assert.Equal(Intent.Confirm, IntentTable.Default.Exact("correct", [Intent.Confirm, Intent.AmendReport]));
        Assert.Null(IntentTable.Default.Exact("correct", [Intent.Deny]));
    }

    [Theory]
    [InlineData("取消 取消", Intent.Cancel)]
    [InlineData("取消取消", Intent.Cancel)]
    [InlineData("算了,不用了", Intent.Cancel)]
    [InlineData("cancel, never mind", Intent.Cancel)]
    [InlineData("好的好的", Intent.Confirm)]
    public void ExactWords_MessageOfExactWordsOfOneIntent_GivesThatIntent(string text, Intent expected)
    {
        Assert.Equal(expected, IntentTable.Default.ExactWords(text, [Intent.Cancel, Intent.Confirm]));
    }

    [Theory]
    [InlineData("取消")]
    [InlineData("取消 汇报")]
    [InlineData("cancelcancel")]
    [InlineData("是 不是")]
    public void ExactWords_OneWordOrWordsOfDifferentIntents_GivesNothing(string text)
    {
        Assert.Null(IntentTable.Default.ExactWords(text, [Intent.Cancel, Intent.Confirm, Intent.Deny, Intent.ReportProgress]));
    }
}
