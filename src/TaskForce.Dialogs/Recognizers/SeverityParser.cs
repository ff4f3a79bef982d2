namespace TaskForce.Dialogs.Recognizers;

/// <summary>Reads how urgent a blocker is: a severity phrase, a bare level word as the whole message, or a level after a label.</summary>
internal static class SeverityParser
{
    public static Severity? Parse(TextSpans spans, string bare, Lexicon lexicon)
    {
        if (lexicon.SeverityAlone.TryExact(bare, out Severity alone))
        {
            spans.Take(0, spans.Text.Length);
            return alone;
        }

        if (lexicon.SeverityPhrases.FindLongest(spans.Text, spans, out Severity severity, out int index, out int length))
        {
            spans.Take(index, length);
            return severity;
        }

        return AfterLabel(spans, lexicon);
    }

    private static Severity? AfterLabel(TextSpans spans, Lexicon lexicon)
    {
        string text = spans.Text;
        foreach (string label in lexicon.SeverityLabels)
        {
            int at = Phrase.Find(text, label);
            if (at < 0)
            {
                continue;
            }

            int start = at + label.Length;
            while (start < text.Length && !char.IsLetterOrDigit(text[start]))
            {
                start++;
            }

            string rest = text[start..];
            int end = rest.IndexOfAny([' ', ',', ';', '.']);
            if (lexicon.SeverityAlone.TryExact(end < 0 ? rest : rest[..end], out Severity level)
                || rest.Length > 0 && lexicon.SeverityAlone.TryExact(rest[..1], out level))
            {
                spans.Take(at, start - at + (end < 0 ? rest.Length : end));
                return level;
            }
        }

        return null;
    }
}
