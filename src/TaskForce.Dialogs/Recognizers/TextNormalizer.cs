using System.Text;
using System.Text.RegularExpressions;

namespace TaskForce.Dialogs.Recognizers;

/// <summary>
/// Prepares a message for parsing: NFKC (full-width digits and punctuation become ASCII), pinyin annotations after
/// Han characters removed (mirror-site artefacts such as a character followed by "(guān)"), Traditional converted
/// to Simplified, whitespace collapsed, Latin lower-cased. Ordinary parentheses such as "(80%)" are kept.
/// </summary>
public static partial class TextNormalizer
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string normalized = text.Normalize(NormalizationForm.FormKC);
        if (normalized.Contains('(', StringComparison.Ordinal))
        {
            normalized = PinyinAnnotation().Replace(normalized, string.Empty);
        }

        normalized = ChineseConverter.ToSimplified(normalized);
        normalized = Whitespace().Replace(normalized, " ").Trim();
        return normalized.ToLowerInvariant();
    }

    /// <summary>A parenthesised lower-case syllable with a tone mark right after a Han character (or a lost one).</summary>
    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}?\uFFFD])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,6}\)", RegexOptions.CultureInvariant)]
    private static partial Regex PinyinAnnotation();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
