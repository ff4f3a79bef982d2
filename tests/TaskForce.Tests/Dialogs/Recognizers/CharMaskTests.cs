using TaskForce.Dialogs.Recognizers;

namespace TaskForce.Tests.Dialogs.Recognizers;

public sealed class CharMaskTests
{
    [Theory]
    [InlineData("海洋牧场 完成70%", "牧场", true)]
    [InlineData("海洋牧场 完成70%", "乐园", false)]
    [InlineData("harbor dredging", "dredging", true)]
    [InlineData("harbor dredging", "zone", false)]
    [InlineData("", "a", false)]
    public void MayContainAll_PhraseCharacters_AreFoundOrCertainlyAbsent(string text, string phrase, bool expected)
    {
        Assert.Equal(expected, CharMask.Of(text).MayContainAll(phrase));
    }
}
