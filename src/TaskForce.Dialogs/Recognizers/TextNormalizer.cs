using System.Buffers;
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
    private const int FullWidthFirst = '\uFF01';
    private const int FullWidthLast = '\uFF5E';
    private const int FullWidthOffset = FullWidthFirst - '!';
    private const char IdeographicSpace = '\u3000';
    private const int StackLimit = 256;

    /// <summary>
    /// Characters NFKC leaves as they are whatever surrounds them (none decomposes or combines): ASCII, the common Han
    /// blocks, CJK and typographic punctuation without a compatibility mapping, and the pinyin vowels with tone marks.
    /// </summary>
    private static readonly SearchValues<char> s_nfkcStable = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u007F"
        + "\u3001\u3002\u300A\u300B\u300C\u300D\u300E\u300F\u3010\u3011\u2014\u2018\u2019\u201C\u201D"
        + "\u0101\u00E1\u01CE\u00E0\u0113\u00E9\u011B\u00E8\u012B\u00ED\u01D0\u00EC\u014D\u00F3\u01D2\u00F2"
        + "\u016B\u00FA\u01D4\u00F9\u00FC\u01D6\u01D8\u01DA\u01DC"
        + HanRange('\u4E00', '\u9FFF') + HanRange('\u3400', '\u4DBF'));

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string normalized = AsciiDigits(CompatibilityForm(text));
        if (normalized.Contains('(', StringComparison.Ordinal))
        {
            normalized = PinyinAnnotation().Replace(normalized, string.Empty);
        }

        normalized = ChineseConverter.ToSimplified(normalized);
        return CollapseWhitespace(normalized).ToLowerInvariant();
    }

    /// <summary>The text with each lone surrogate and each Unicode noncharacter replaced by a space.</summary>
    internal static string WithoutInvalidCodePoints(string text)
    {
        StringBuilder? cleaned = null;
        for (int i = 0; i < text.Length; i++)
        {
            int width = Rune.DecodeFromUtf16(text.AsSpan(i), out Rune rune, out int consumed) == OperationStatus.Done ? consumed : 1;
            bool invalid = (width == 1 && char.IsSurrogate(text[i])) || IsNoncharacter(rune.Value);
            if (invalid)
            {
                cleaned ??= new StringBuilder(text, 0, i, text.Length);
                cleaned.Append(' ');
            }
            else
            {
                cleaned?.Append(text, i, width);
            }

            i += width - 1;
        }

        return cleaned?.ToString() ?? text;
    }

    /// <summary>
    /// Decimal digits of other scripts (Arabic-Indic "١٢", Devanagari, Thai …) as ASCII, which the patterns and number
    /// parsing read; NFKC leaves them as they are.
    /// </summary>
    private static string AsciiDigits(string text)
    {
        if (!text.AsSpan().ContainsAnyExceptInRange('\0', '\u007F') || !text.Any(c => c > '\u007F' && char.IsDigit(c)))
        {
            return text;
        }

        return string.Create(text.Length, text, static (chars, source) =>
        {
            for (int i = 0; i < chars.Length; i++)
            {
                char c = source[i];
                chars[i] = c > '\u007F' && char.IsDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : c;
            }
        });
    }

    private static bool IsNoncharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    /// <summary>
    /// NFKC. Text made only of stable characters, full-width ASCII forms and the ideographic space (which NFKC maps
    /// one to one to ASCII) is mapped here; anything else goes to the platform's normalization.
    /// </summary>
    internal static string CompatibilityForm(string text)
    {
        int first = text.AsSpan().IndexOfAnyExcept(s_nfkcStable);
        if (first < 0)
        {
            return text;
        }

        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (!s_nfkcStable.Contains(c) && c != IdeographicSpace && c is < (char)FullWidthFirst or > (char)FullWidthLast)
            {
                // The platform refuses to normalize lone surrogates and noncharacters (U+FFFE, U+FFFF, …); a phone or a
                // hostile client can send them, so they become spaces first.
                return WithoutInvalidCodePoints(text).Normalize(NormalizationForm.FormKC);
            }
        }

        return string.Create(text.Length, text, static (chars, source) =>
        {
            for (int i = 0; i < chars.Length; i++)
            {
                char c = source[i];
                chars[i] = c == IdeographicSpace ? ' ' : c is >= (char)FullWidthFirst and <= (char)FullWidthLast ? (char)(c - FullWidthOffset) : c;
            }
        });
    }

    /// <summary>Runs of whitespace become one space, and the ends are trimmed.</summary>
    private static string CollapseWhitespace(string text)
    {
        char[]? rented = null;
        Span<char> buffer = text.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        int length = 0;
        bool gap = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                gap = length > 0;
                continue;
            }

            if (gap)
            {
                buffer[length++] = ' ';
                gap = false;
            }

            buffer[length++] = c;
        }

        string collapsed = buffer[..length].SequenceEqual(text) ? text : new string(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return collapsed;
    }

    private static string HanRange(char from, char to) => string.Create(to - from + 1, from, static (chars, start) =>
    {
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)(start + i);
        }
    });

    /// <summary>A parenthesised lower-case syllable with a tone mark right after a Han character (or a lost one).</summary>
    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}?\uFFFD])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,6}\)", RegexOptions.CultureInvariant)]
    private static partial Regex PinyinAnnotation();
}
