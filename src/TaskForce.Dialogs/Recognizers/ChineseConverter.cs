using System.Text;

namespace TaskForce.Dialogs.Recognizers;

/// <summary>
/// Traditional to Simplified Chinese from a generated character table (Data/t2s-chars.txt) plus word-level
/// exceptions (Data/t2s-words.txt). Text without a Traditional-only character is returned unchanged.
/// </summary>
internal static class ChineseConverter
{
    private const byte TraditionalOnly = 1;
    private const byte Shared = 2;

    private static readonly Tables s_tables = Load();

    public static string ToSimplified(string text)
    {
        if (!ContainsTraditional(text))
        {
            return text;
        }

        StringBuilder builder = new(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            string? word = ExceptionAt(text, i, out string? replacement);
            if (word is not null)
            {
                builder.Append(replacement);
                i += word.Length;
                continue;
            }

            char mapped = s_tables.Map[text[i]];
            builder.Append(mapped == '\0' ? text[i] : mapped);
            i++;
        }

        return builder.ToString();
    }

    public static bool ContainsTraditional(string text)
    {
        foreach (char c in text)
        {
            if (s_tables.Kind[c] == TraditionalOnly)
            {
                return true;
            }
        }

        return false;
    }

    private static string? ExceptionAt(string text, int index, out string? replacement)
    {
        replacement = null;
        if (!s_tables.Words.TryGetValue(text[index], out (string From, string To)[]? words))
        {
            return null;
        }

        foreach ((string from, string to) in words)
        {
            if (string.CompareOrdinal(text, index, from, 0, from.Length) == 0)
            {
                replacement = to;
                return from;
            }
        }

        return null;
    }

    private static Tables Load()
    {
        char[] map = new char[char.MaxValue + 1];
        byte[] kind = new byte[char.MaxValue + 1];
        foreach (string line in RecognizerData.Lines("t2s-chars.txt"))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts is [{ Length: 1 } from, { Length: 1 } to])
            {
                map[from[0]] = to[0];
                kind[from[0]] = TraditionalOnly;
            }
        }

        Dictionary<char, List<(string, string)>> words = [];
        foreach (string line in RecognizerData.Lines("t2s-words.txt"))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 1 && parts[0].Length == 1)
            {
                kind[parts[0][0]] = Shared;
            }
            else if (parts.Length == 2)
            {
                if (!words.TryGetValue(parts[0][0], out List<(string, string)>? list))
                {
                    words[parts[0][0]] = list = [];
                }

                list.Add((parts[0], parts[1]));
            }
        }

        return new Tables(map, kind, words.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(w => w.Item1.Length).ToArray()));
    }

    private sealed record Tables(char[] Map, byte[] Kind, Dictionary<char, (string From, string To)[]> Words);
}
