using TaskForce.Dialogs.Recognizers;

namespace TaskForce.Tests.Dialogs.Recognizers;

/// <summary>
/// The recognizer meets whatever a phone or a hostile client sends: noncharacters, lone surrogates, bidi controls,
/// combining runs, huge numbers and dates outside the calendar. None of it may throw; out-of-range dates are no date.
/// </summary>
public sealed class OddInputPropertyTests
{
    private static readonly DateOnly s_today = new(2026, 12, 2);

    private static readonly string[] s_pieces =
    [
        "\uFFFE", "\uFFFF", "\uFDD0", "\uD800", "\uDC00", "\uDBFF\uDFFF", "\uD83F\uDFFE", "\u0000", "\u202E", "\u200D", "\u0301\u0301\u0301",
        "\u3000", "６０％", "％", "%", "0", "00", "0000", "9999", "10000", "99999999999999999999", "-1", "1e309",
        "年", "月", "日", "号", "天后", "周", "下周", "截止", "前", "到期", "完成", "汇报", "上报问题", "卡在", "海洋牧场",
        "due", "by", "days", "-", "/", ":", " ", "第", "项", "十", "百", "千", "万", "零", "Dec", "31", "13", "45", "2月30日",
        "確認", "取消", "report", "70%", "🙂", "👨‍👩‍👧", "ـ", "١٢", "๓",
    ];

    [Fact]
    public void RandomHostileText_NeverThrows()
    {
        var random = new Random(20261202);
        var recognizer = new RuleRecognizer();
        for (int sample = 0; sample < 3000; sample++)
        {
            int count = random.Next(1, 12);
            string text = string.Concat(Enumerable.Range(0, count).Select(_ => s_pieces[random.Next(s_pieces.Length)]));

            Exception? thrown = Record.Exception(() =>
            {
                recognizer.Recognize(text, RecognizerCorpus.Instance.Context);
                DateParser.Parse(TextNormalizer.Normalize(text), s_today, Lexicon.Default);
            });

            Assert.True(thrown is null, $"sample {sample} {Escaped(text)} threw {thrown}");
        }
    }

    [Theory]
    [InlineData("0000年1月1日")]
    [InlineData("0年1月1日")]
    [InlineData("10000年1月1日")]
    [InlineData("99999年12月31日")]
    [InlineData("2026年13月45日")]
    [InlineData("2026年0月0日")]
    [InlineData("2025年2月29日")]
    [InlineData("0000-01-01")]
    [InlineData("0000-00-00")]
    [InlineData("10000-01-01")]
    public void OutOfRangeDate_IsNoDate(string text)
    {
        DateResult result = DateParser.Parse(TextNormalizer.Normalize(text), s_today, Lexicon.Default);

        Assert.True(result.Dates is null && result.DueDate is null, $"{text} read as {result}");
    }

    [Theory]
    [InlineData("99999999天后")]
    [InlineData("in 99999999 days")]
    [InlineData("9999年12月31日")]
    [InlineData("0001年1月1日")]
    public void DateAtTheCalendarsEdge_NeverThrows(string text)
    {
        foreach (DateOnly today in new[] { s_today, DateOnly.MinValue, DateOnly.MaxValue })
        {
            Exception? thrown = Record.Exception(() => DateParser.Parse(TextNormalizer.Normalize(text), today, Lexicon.Default));

            Assert.Null(thrown);
        }
    }

    [Theory]
    [InlineData("\uFFFE")]
    [InlineData("a\uFFFFb")]
    [InlineData("\uD800x")]
    [InlineData("x\uDC00")]
    [InlineData("\uFDD0")]
    [InlineData("\uD83F\uDFFE")]
    public void Noncharacters_AndLoneSurrogates_BecomeSpaces(string text)
    {
        string normalized = TextNormalizer.Normalize(text + "完成70%");

        Assert.EndsWith("完成70%", normalized, StringComparison.Ordinal);
        Assert.DoesNotContain(normalized, c => c is '\uFFFE' or '\uFFFF' or '\uFDD0' || char.IsSurrogate(c));
    }

    private static string Escaped(string text) => string.Concat(text.Select(c => c < 0x7F && c >= 0x20 ? c.ToString() : $"\\u{(int)c:X4}"));
}
