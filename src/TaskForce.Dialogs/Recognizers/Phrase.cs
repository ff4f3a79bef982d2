namespace TaskForce.Dialogs.Recognizers;

/// <summary>Ordinal phrase search; a phrase that starts or ends with a Latin letter or digit must sit on a word boundary.</summary>
internal static class Phrase
{
    public static int Find(string text, string phrase, int startIndex = 0) => Find(text.AsSpan(), phrase, startIndex);

    /// <summary>The same search in a slice of a text; the slice's ends count as the text's ends.</summary>
    public static int Find(ReadOnlySpan<char> text, string phrase, int startIndex = 0)
    {
        if (phrase.Length == 0)
        {
            return -1;
        }

        bool checkStart = IsWordChar(phrase[0]);
        bool checkEnd = IsWordChar(phrase[^1]);
        int index = startIndex;
        while (index <= text.Length - phrase.Length && text[index..].IndexOf(phrase, StringComparison.Ordinal) is int found and >= 0)
        {
            index += found;
            int end = index + phrase.Length;
            bool startOk = !checkStart || index == 0 || !IsWordChar(text[index - 1]);
            bool endOk = !checkEnd || end == text.Length || !IsWordChar(text[end]);
            if (startOk && endOk)
            {
                return index;
            }

            index++;
        }

        return -1;
    }

    public static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c);

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>Characters that separate clauses and are trimmed from the ends of extracted text.</summary>
    public static bool IsPunctuation(char c) => char.IsPunctuation(c) || char.IsSymbol(c) && c != '%';
}
