using TaskForce.Dialogs.Recognizers;

namespace TaskForce.Tests.Dialogs.Recognizers;

public sealed class PercentParserTests
{
    [Theory]
    [InlineData("70%", 70)]
    [InlineData("７０％", 70)]
    [InlineData("完成 75 %", 75)]
    [InlineData("完成62.5%", 63)]
    [InlineData("百分之七十", 70)]
    [InlineData("百分之70", 70)]
    [InlineData("百分之百", 100)]
    [InlineData("完成七十%", 70)]
    [InlineData("七成", 70)]
    [InlineData("八成五", 85)]
    [InlineData("9成", 90)]
    [InlineData("十成", 100)]
    [InlineData("过半", 50)]
    [InlineData("完成一半", 50)]
    [InlineData("全部完成", 100)]
    [InlineData("40 percent", 40)]
    [InlineData("half", 50)]
    [InlineData("halfway there", 50)]
    [InlineData("fully done", 100)]
    [InlineData("进度66", 66)]
    [InlineData("完成了八十二", 82)]
    [InlineData("做了五分之二", 40)]
    [InlineData("two thirds complete", 67)]
    [InlineData("one quarter", 25)]
    [InlineData("8 of 10 sites", 80)]
    [InlineData("谈了4个 还差1个", 80)]
    [InlineData("6 done, 2 left", 75)]
    public void Parse_PercentForms_ReturnsValue(string text, int expected)
    {
        TextSpans spans = new(TextNormalizer.Normalize(text));

        int? percent = PercentParser.Parse(spans, Lexicon.Default);

        Assert.Equal(expected, percent);
    }

    [Theory]
    [InlineData("完成120%")]
    [InlineData("12月5日")]
    [InlineData("已完成招标")]
    [InlineData("1200万元")]
    [InlineData("完成12个点位")]
    [InlineData("推到20号")]
    [InlineData("完成三天")]
    [InlineData("16 of 12")]
    [InlineData("12/20")]
    [InlineData("一成不变")]
    public void Parse_NoPercentOrOutOfRange_ReturnsNull(string text)
    {
        TextSpans spans = new(TextNormalizer.Normalize(text));

        int? percent = PercentParser.Parse(spans, Lexicon.Default);

        Assert.Null(percent);
    }

    [Fact]
    public void Parse_VerbBeforePercent_IsTakenOutOfTheNote()
    {
        TextSpans spans = new(TextNormalizer.Normalize("完成70% 本周完成招标"));

        PercentParser.Parse(spans, Lexicon.Default);

        Assert.Equal("本周完成招标", spans.Rest());
    }

    [Theory]
    [InlineData("七十五", 75)]
    [InlineData("十五", 15)]
    [InlineData("两", 2)]
    [InlineData("一百", 100)]
    [InlineData("一百零五", 105)]
    [InlineData("42", 42)]
    [InlineData("seven", 7)]
    public void ParseNumber_ChineseDigitsAndWords_ReturnsValue(string text, int expected)
    {
        Assert.Equal(expected, Lexicon.Default.ParseNumber(text));
    }
}
