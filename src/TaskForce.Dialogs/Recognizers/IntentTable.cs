using System.Buffers;
using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace TaskForce.Dialogs.Recognizers;

/// <summary>The intent words of dialogs/intents.yaml (embedded), loaded once.</summary>
internal sealed class IntentTable
{
    /// <summary>The bit of <see cref="Words"/> that marks a question word; intents use the bits of their values.</summary>
    private const int QuestionBit = 31;

    /// <summary>The longest exact word tried when a message is split into exact words.</summary>
    private const int MaxExactLength = 12;

    public static IntentTable Default { get; } = new(RecognizerData.Yaml("intents.yaml"));

    private readonly FrozenDictionary<string, uint> _exact;
    private readonly FrozenDictionary<char, PhraseEntry[]> _phrases;
    private readonly SearchValues<char> _firstChars;
    private readonly Regex?[] _patterns;

    private IntentTable(Dictionary<object, object> root)
    {
        Dictionary<string, uint> exact = new(StringComparer.Ordinal);
        Dictionary<string, uint> phrases = new(StringComparer.Ordinal);
        _patterns = new Regex?[Enum.GetValues<Intent>().Length];
        foreach ((object key, object value) in RecognizerData.Map(root, "intents"))
        {
            var intent = Enum.Parse<Intent>(RecognizerData.Text(key));
            var map = (Dictionary<object, object>)value;
            Add(exact, RecognizerData.Strings(map, "exact"), 1u << (int)intent);
            Add(phrases, RecognizerData.Strings(map, "contains"), 1u << (int)intent);
            string[] patterns = RecognizerData.Strings(map, "patterns");
            _patterns[(int)intent] = patterns.Length == 0 ? null : RecognizerData.Pattern(patterns);
        }

        Add(phrases, RecognizerData.Strings(root, "question-words"), 1u << QuestionBit);
        _exact = exact.ToFrozenDictionary(StringComparer.Ordinal);
        _phrases = phrases.Where(p => p.Key.Length > 0).GroupBy(p => p.Key[0])
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => new PhraseEntry(p.Key, p.Value)).ToArray());
        _firstChars = SearchValues.Create([.. _phrases.Keys]);
    }

    /// <summary>The intent whose exact words equal the whole message, in the given order of precedence.</summary>
    public Intent? Exact(string message, IReadOnlyList<Intent> order)
    {
        if (!_exact.TryGetValue(message, out uint intents))
        {
            return null;
        }

        foreach (Intent intent in order)
        {
            if ((intents & (1u << (int)intent)) != 0)
            {
                return intent;
            }
        }

        return null;
    }

    /// <summary>
    /// The intent shared by every word of a message made only of exact words (a cancel word said twice, "cancel, never mind"),
    /// in the given order of precedence; a Latin word counts only where no letter or digit touches it.
    /// </summary>
    public Intent? ExactWords(string message, IReadOnlyList<Intent> order)
    {
        uint shared = Segment(message, 0, uint.MaxValue, depth: 0);
        foreach (Intent intent in order)
        {
            if ((shared & (1u << (int)intent)) != 0)
            {
                return intent;
            }
        }

        return null;
    }

    private uint Segment(string message, int start, uint bits, int depth)
    {
        while (start < message.Length && !char.IsLetterOrDigit(message[start]))
        {
            start++;
        }

        if (start == message.Length)
        {
            return depth >= 2 ? bits : 0;
        }

        uint found = 0;
        for (int end = Math.Min(message.Length, start + MaxExactLength); end > start; end--)
        {
            if (_exact.TryGetValue(message[start..end], out uint intents)
                && (intents & bits) != 0
                && (end == message.Length || !Phrase.IsWordChar(message[end - 1]) || !char.IsAsciiLetterOrDigit(message[end])))
            {
                found |= Segment(message, end, intents & bits, depth + 1);
            }
        }

        return found;
    }

    /// <summary>
    /// Every intent phrase and question word in the text, found in one pass; a phrase that starts or ends with a Latin
    /// letter or digit counts only where no [a-z0-9] character touches that end.
    /// </summary>
    public Words Find(string text)
    {
        uint found = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int next = text.AsSpan(i).IndexOfAny(_firstChars);
            if (next < 0)
            {
                break;
            }

            i += next;
            PhraseEntry[] entries = _phrases[text[i]];
            foreach (PhraseEntry entry in entries)
            {
                if ((found & entry.Bits) != entry.Bits && entry.IsAt(text, i))
                {
                    found |= entry.Bits;
                }
            }
        }

        return new Words(this, text, found);
    }

    /// <summary>
    /// The normalized text with every phrase of <paramref name="intent"/> taken out (longest first), for keeping what
    /// a member wrote after a command word as a note: "amend 80% tender done" → " 80% tender done".
    /// </summary>
    public string Without(Intent intent, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        uint bit = 1u << (int)intent;
        var kept = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < text.Length;)
        {
            PhraseEntry? match = _phrases.TryGetValue(text[i], out PhraseEntry[]? entries)
                ? entries.Where(e => (e.Bits & bit) != 0 && e.IsAt(text, i)).MaxBy(e => e.Length)
                : null;
            if (match is not null)
            {
                kept.Append(' ');
                i += match.Length;
            }
            else
            {
                kept.Append(text[i]);
                i++;
            }
        }

        return kept.ToString();
    }

    private static void Add(Dictionary<string, uint> words, IEnumerable<string> list, uint bit)
    {
        foreach (string word in list.Select(w => w.ToLowerInvariant()))
        {
            words[word] = words.GetValueOrDefault(word) | bit;
        }
    }

    /// <summary>The intent phrases and question words of one message.</summary>
    public readonly struct Words(IntentTable table, string text, uint found)
    {
        /// <summary>One bit per intent whose phrase the message contains (patterns not tried), and the question bit.</summary>
        public uint PhraseBits { get; } = found;

        /// <summary>True when the message contains a question mark or a question word.</summary>
        public bool IsQuestion => (PhraseBits & (1u << QuestionBit)) != 0;

        /// <summary>True when the message contains one of the intent's phrases or matches one of its patterns.</summary>
        public bool Mentions(Intent intent) =>
            (PhraseBits & (1u << (int)intent)) != 0 || table._patterns[(int)intent]?.IsMatch(text) == true;
    }

    /// <summary>A phrase with the bits of the intents (and question words) that list it.</summary>
    private sealed class PhraseEntry(string phrase, uint bits)
    {
        private readonly bool _checkStart = Phrase.IsWordChar(phrase[0]);
        private readonly bool _checkEnd = Phrase.IsWordChar(phrase[^1]);

        public uint Bits { get; } = bits;

        public int Length => phrase.Length;

        public bool IsAt(string text, int index)
        {
            int end = index + phrase.Length;
            return text.AsSpan(index).StartsWith(phrase, StringComparison.Ordinal)
                && (!_checkStart || index == 0 || !IsLowerWordChar(text[index - 1]))
                && (!_checkEnd || end == text.Length || !IsLowerWordChar(text[end]));
        }

        /// <summary>The class [a-z0-9] of the boundary lookarounds.</summary>
        private static bool IsLowerWordChar(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
    }
}
