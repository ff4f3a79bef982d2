using System.Text.RegularExpressions;

namespace TaskForce.Dialogs.Recognizers;

/// <summary>
/// Finds the problem part of a message. A start marker ("stuck on", "waiting for") runs to the end of its clause;
/// an end marker ("not approved") reaches back to the start of its phrase.
/// </summary>
internal static class BlockerParser
{
    public static string? Parse(TextSpans spans, Lexicon lexicon)
    {
        string text = spans.Text;
        List<(int Start, int End)> parts = [];
        foreach (Match match in lexicon.BlockerStarts.Matches(text))
        {
            if (!Inside(parts, match.Index) && spans.IsFree(match.Index, match.Length))
            {
                parts.Add((match.Index, ClauseEnd(text, match.Index + match.Length, Phrase.IsHan(match.Value[0]))));
            }
        }

        foreach (Match match in lexicon.BlockerEnds.Matches(text))
        {
            if (!Inside(parts, match.Index) && spans.IsFree(match.Index, match.Length))
            {
                parts.Add((PhraseStart(spans, match.Index), match.Index + match.Length));
            }
        }

        if (parts.Count == 0)
        {
            return null;
        }

        parts.Sort();
        List<string> texts = [];
        int covered = 0;
        foreach ((int start, int end) in parts)
        {
            int from = Math.Max(start, covered);
            if (from < end)
            {
                spans.Take(from, end - from);
                texts.Add(text[from..end].Trim().TrimEnd(',', ';', '.', ':', '!'));
                covered = end;
            }
        }

        string joined = string.Join("; ", texts.Where(t => t.Length > 0));
        return joined.Length == 0 ? null : joined;
    }

    private static bool Inside(List<(int Start, int End)> parts, int index) =>
        parts.Exists(p => index >= p.Start && index < p.End);

    /// <summary>End of the clause: punctuation, or (in Chinese) a space not after a colon.</summary>
    private static int ClauseEnd(string text, int from, bool han)
    {
        for (int i = from; i < text.Length; i++)
        {
            char c = text[i];
            bool clauseBreak = c is ',' or ';' or '!' or '?' or '\n' or '\u3002' || c == '.' && (i + 1 == text.Length || text[i + 1] == ' ');
            bool spaceBreak = han && c == ' ' && i > 0 && text[i - 1] != ':';
            if (clauseBreak || spaceBreak)
            {
                return i;
            }
        }

        return text.Length;
    }

    private static int PhraseStart(TextSpans spans, int index)
    {
        string text = spans.Text;
        int i = index;
        while (i > 0 && !spans.IsTaken(i - 1) && !char.IsWhiteSpace(text[i - 1]) && !Phrase.IsPunctuation(text[i - 1]))
        {
            i--;
        }

        return i;
    }
}
