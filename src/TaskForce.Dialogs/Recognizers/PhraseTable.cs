namespace TaskForce.Dialogs.Recognizers;

/// <summary>Phrases with a value each; <see cref="FindLongest"/> prefers the longest phrase present.</summary>
internal sealed class PhraseTable<T>(IEnumerable<(string Phrase, T Value)> entries)
{
    private readonly (string Phrase, T Value)[] _entries = [.. entries.OrderByDescending(e => e.Phrase.Length)];

    public bool FindLongest(string text, TextSpans spans, out T value, out int index, out int length)
    {
        CharMask chars = ReferenceEquals(text, spans.Text) ? spans.Chars : CharMask.Of(text);
        foreach ((string phrase, T candidate) in _entries)
        {
            if (!chars.MayContainAll(phrase))
            {
                continue;
            }

            int at = Phrase.Find(text, phrase);
            while (at >= 0 && !spans.IsFree(at, phrase.Length))
            {
                at = Phrase.Find(text, phrase, at + 1);
            }

            if (at >= 0)
            {
                value = candidate;
                index = at;
                length = phrase.Length;
                return true;
            }
        }

        value = default!;
        index = -1;
        length = 0;
        return false;
    }

    public bool TryExact(string text, out T value)
    {
        foreach ((string phrase, T candidate) in _entries)
        {
            if (string.Equals(text, phrase, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default!;
        return false;
    }
}
