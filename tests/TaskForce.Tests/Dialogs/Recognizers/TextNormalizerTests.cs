using System.Text;
using TaskForce.Dialogs.Recognizers;

namespace TaskForce.Tests.Dialogs.Recognizers;

public sealed class TextNormalizerTests
{
    [Fact]
    public void Normalize_SeedSampleWithPinyin_StripsAnnotationsAndConvertsToSimplified()
    {
        string seed = "印發(fā)《關(guān)於健全完善系統(tǒng)性整體性協(xié)同性推進15個(gè)攻勢(shì)工作機(jī)制的意見》";

        string normalized = TextNormalizer.Normalize(seed);

        Assert.Equal("印发《关于健全完善系统性整体性协同性推进15个攻势工作机制的意见》", normalized);
    }

    [Theory]
    [InlineData("(2019—2022年)", "(2019—2022年)")]
    [InlineData("(牵头单位:市科技局)", "(牵头单位:市科技局)")]
    [InlineData("海洋牧场(80%)", "海洋牧场(80%)")]
    [InlineData("完成(ok)", "完成(ok)")]
    [InlineData("海洋牧场（80%）", "海洋牧场(80%)")]
    public void Normalize_OrdinaryParentheses_AreKept(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_FullWidthParenthesesWithPinyin_AreStripped()
    {
        Assert.Equal("关于", TextNormalizer.Normalize("關（guān）於"));
    }

    [Theory]
    [InlineData("完成７０％", "完成70%")]
    [InlineData("ＯＫ", "ok")]
    [InlineData("海洋牧场，完成８０％。", "海洋牧场,完成80%。")]
    public void Normalize_FullWidthDigitsAndPunctuation_BecomeAscii(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("顯著提升", "显著提升")]
    [InlineData("著名的乾淨城市", "著名的干净城市")]
    [InlineData("瞭望塔乾坤", "瞭望塔乾坤")]
    [InlineData("進度滯後", "进度滞后")]
    public void Normalize_TraditionalText_UsesWordExceptionsBeforeTheCharacterTable(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("諮詢", "咨询")]
    [InlineData("鉅額", "巨额")]
    [InlineData("回覆", "回复")]
    [InlineData("象徵", "象征")]
    [InlineData("請儘快回覆諮詢結果", "请尽快回复咨询结果")]
    [InlineData("反覆覈對後再答覆", "反复核对后再答复")]
    public void Normalize_TraditionalWordsOpenCcConverts_GivesOpenCcSimplified(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("著名的海洋牧场")]
    [InlineData("乾坤未定")]
    [InlineData("按序时推进")]
    [InlineData("与时俱进的俱乐部")]
    [InlineData("大阪的姊妹城市")]
    public void Normalize_SimplifiedText_IsLeftAlone(string text)
    {
        Assert.Equal(text, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_WhitespaceAndLatinCase_AreCollapsedAndLowered()
    {
        Assert.Equal("harbor dredging 60%", TextNormalizer.Normalize("  Harbor \t Dredging\n60% "));
    }

    [Fact]
    public void Normalize_NeutralToneSyllable_IsNotStripped()
    {
        Assert.Equal("关(de)", TextNormalizer.Normalize("關(de)"));
    }

    [Fact]
    public void Normalize_CorruptedAnnotation_IsLeftForReview()
    {
        Assert.Equal("青岛日?qǐng)?bào)社", TextNormalizer.Normalize("青島日?qǐng)?bào)社"));
    }

    [Fact]
    public void CompatibilityForm_EveryCharacterAloneOrBeforeACombiningMark_EqualsThePlatformNfkc()
    {
        List<string> mismatches = [];
        for (int code = 0; code <= char.MaxValue; code++)
        {
            char c = (char)code;
            if (char.IsSurrogate(c))
            {
                continue;
            }

            foreach (string text in (string[])[$"x{c}y", $"{c}\u0301", $"{c}\u3099", $"\uFF21{c}"])
            {
                // Noncharacters, which the platform refuses to normalize, become spaces first.
                bool noncharacter = code is >= 0xFDD0 and <= 0xFDEF or 0xFFFE or 0xFFFF;
                string expected = Outcome(() => (noncharacter ? text.Replace(c, ' ') : text).Normalize(NormalizationForm.FormKC));
                string actual = Outcome(() => TextNormalizer.CompatibilityForm(text));
                if (expected != actual)
                {
                    mismatches.Add($"U+{code:X4} in {text}: {actual} instead of {expected}");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    private static string Outcome(Func<string> normalize)
    {
        try
        {
            return normalize();
        }
        catch (ArgumentException exception)
        {
            return exception.GetType().Name;
        }
    }
}
