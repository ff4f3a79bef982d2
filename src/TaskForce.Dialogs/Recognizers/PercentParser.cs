using System.Globalization;
using System.Text.RegularExpressions;

namespace TaskForce.Dialogs.Recognizers;

/// <summary>Reads a completion percentage: "70%", "40 percent", and the Chinese forms of Data/lexicon.yaml.</summary>
internal static partial class PercentParser
{
    public static int? Parse(TextSpans spans, Lexicon lexicon)
    {
        string text = spans.Text;
        int? value;
        Match match = DigitPercent().Match(text);
        if (match.Success)
        {
            value = (int)Math.Round(double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture), MidpointRounding.AwayFromZero);
        }
        else
        {
            match = lexicon.PercentRegex.Match(text);
            if (!match.Success)
            {
                return null;
            }

            value = FromWords(match, lexicon);
        }

        if (value is null or < 0 or > 100)
        {
            return null;
        }

        int start = StartOfVerb(text, match.Index, lexicon);
        spans.Take(start, match.Index + match.Length - start);
        return value;
    }

    private static int? FromWords(Match match, Lexicon lexicon)
    {
        Lexicon.PercentPattern pattern = lexicon.PercentPatterns[RecognizerData.Alternative(match, lexicon.PercentGroups)];
        int? number = Number(match, "n", lexicon);
        return pattern.Kind switch
        {
            "number" => number,
            "tenths" => number * 10 + (Number(match, "t", lexicon) ?? 0),
            "fraction" => Share(number, Number(match, "d", lexicon) ?? (lexicon.FractionWords.TryGetValue(match.Groups["d"].Value, out int d) ? d : null)),
            "count" => Share(number, Number(match, "d", lexicon)),
            "count-left" => Share(number, number + Number(match, "r", lexicon)),
            _ => pattern.Value,
        };
    }

    private static int? Number(Match match, string group, Lexicon lexicon) =>
        match.Groups[group].Success ? lexicon.ParseNumber(match.Groups[group].Value) : null;

    /// <summary>A part of a whole as a percent, only when the part is no larger than the whole.</summary>
    private static int? Share(int? part, int? whole) =>
        part is int p && whole is int w && w > 0 && p <= w ? (int)Math.Round(p * 100.0 / w, MidpointRounding.AwayFromZero) : null;

    /// <summary>Index where a verb directly before the percent starts ("at 60%", "completed 70%"), else the percent's own index.</summary>
    private static int StartOfVerb(string text, int index, Lexicon lexicon)
    {
        int end = index;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        foreach (string verb in lexicon.PercentVerbs)
        {
            int start = end - verb.Length;
            if (start >= 0 && string.CompareOrdinal(text, start, verb, 0, verb.Length) == 0
                && (!Phrase.IsWordChar(verb[0]) || start == 0 || !Phrase.IsWordChar(text[start - 1])))
            {
                return start;
            }
        }

        return index;
    }

    [GeneratedRegex(@"(?<![\d.])(?<n>\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b|pct\b)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DigitPercent();
}
