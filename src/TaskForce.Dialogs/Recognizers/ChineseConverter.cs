using System.Text;

namespace TaskForce.Dialogs.Recognizers;

/// <summary>
/// Traditional to Simplified Chinese the way OpenCC's t2s does it: at each position the longest word of
/// Data/t2s-phrases.txt and Data/t2s-words.txt wins, else the character of Data/t2s-chars.txt. Text with neither a
/// Traditional-only character nor a word that changes is returned unchanged, so the characters that are also
/// Simplified (著, 乾) convert only in text that is Traditional anyway.
/// </summary>
/// <remarks>
/// The result can be longer than the input (OpenCC maps some characters to ones outside the BMP); nothing maps back
/// to the original text, the recognizer's spans index the normalized text.
/// </remarks>
internal static class ChineseConverter
{
    private const byte TraditionalOnly = 1;
    private const byte Shared = 2;
    private const byte StartsWord = 4;

    private static readonly Tables s_tables = Load();

    public static string ToSimplified(string text)
    {
        if (!NeedsConversion(text))
        {
            return text;
        }

        Tables tables = s_tables;
        StringBuilder builder = new(text.Length + 4);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            byte kind = tables.Kind[c];
            if ((kind & StartsWord) != 0 && WordAt(tables, text, i) is { } word)
            {
                builder.Append(word.To);
                i += word.From.Length;
                continue;
            }

            char mapped = tables.Map[c];
            builder.Append(mapped == '\0' ? c : mapped);
            i++;
        }

        return builder.ToString();
    }

    /// <summary>Segments the text as <see cref="ToSimplified"/> does and stops at the first segment that changes.</summary>
    private static bool NeedsConversion(string text)
    {
        Tables tables = s_tables;
        int i = 0;
        while (i < text.Length)
        {
            byte kind = tables.Kind[text[i]];
            if ((kind & StartsWord) != 0 && WordAt(tables, text, i) is { } word)
            {
                if (word.Changes)
                {
                    return true;
                }

                i += word.From.Length;
                continue;
            }

            if ((kind & TraditionalOnly) != 0)
            {
                return true;
            }

            i++;
        }

        return false;
    }

    private static Word? WordAt(Tables tables, string text, int index)
    {
        if (!tables.Words.TryGetValue(text[index], out Word[]? words))
        {
            return null;
        }

        ReadOnlySpan<char> rest = text.AsSpan(index);
        foreach (Word word in words)
        {
            if (rest.StartsWith(word.From, StringComparison.Ordinal))
            {
                return word;
            }
        }

        return null;
    }

    private static Tables Load()
    {
        // Later files override earlier ones: OpenCC's characters, OpenCC's words, then the project's own entries.
        Dictionary<string, string> entries = new(StringComparer.Ordinal);
        HashSet<char> shared = [];
        foreach (string name in (string[])["t2s-chars.txt", "t2s-phrases.txt", "t2s-words.txt"])
        {
            foreach (string line in RecognizerData.Lines(name))
            {
                string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts is [{ Length: 1 } alone])
                {
                    shared.Add(alone[0]);
                }
                else if (parts is [string from, string to])
                {
                    entries[from] = to;
                }
                else
                {
                    throw new InvalidDataException($"{name}: expected \"Traditional Simplified\", found \"{line}\".");
                }
            }
        }

        char[] map = new char[char.MaxValue + 1];
        byte[] kind = new byte[char.MaxValue + 1];
        Dictionary<char, List<Word>> words = [];
        foreach ((string from, string to) in entries)
        {
            if (from.Length == 1 && to.Length == 1)
            {
                map[from[0]] = to[0];
                kind[from[0]] |= shared.Contains(from[0]) ? Shared : from == to ? (byte)0 : TraditionalOnly;
                continue;
            }

            if (!words.TryGetValue(from[0], out List<Word>? list))
            {
                words[from[0]] = list = [];
            }

            list.Add(new Word(from, to));
            kind[from[0]] |= StartsWord;
        }

        return new Tables(map, kind, words.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(w => w.From.Length).ToArray()));
    }

    private sealed record Word(string From, string To)
    {
        public bool Changes { get; } = From != To;
    }

    private sealed record Tables(char[] Map, byte[] Kind, Dictionary<char, Word[]> Words);
}
