using System.Text;
using System.Text.RegularExpressions;

namespace TaskForce.Dialogs.Recognizers;

/// <summary>Tracks which characters of the normalized text were taken by an entity; the rest becomes the note.</summary>
internal sealed partial class TextSpans(string text)
{
    private readonly bool[] _taken = new bool[text.Length];

    public string Text { get; } = text;

    /// <summary>The characters of <see cref="Text"/> (the visible text never has others, apart from spaces).</summary>
    public CharMask Chars { get; } = CharMask.Of(text);

    public void Take(int index, int length)
    {
        for (int i = Math.Max(0, index); i < Math.Min(_taken.Length, index + length); i++)
        {
            _taken[i] = true;
        }
    }

    public bool IsFree(int index, int length)
    {
        for (int i = index; i < index + length; i++)
        {
            if (_taken[i])
            {
                return false;
            }
        }

        return true;
    }

    public bool IsTaken(int index) => _taken[index];

    /// <summary>The text with taken characters blanked out (same length, so indexes still match).</summary>
    public string Visible()
    {
        if (Array.IndexOf(_taken, true) < 0)
        {
            return Text;
        }

        return string.Create(Text.Length, this, static (chars, spans) =>
        {
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = spans._taken[i] ? ' ' : spans.Text[i];
            }
        });
    }

    /// <summary>The untaken text with taken runs replaced by a space, trimmed of punctuation; null when nothing is left.</summary>
    public string? Rest()
    {
        StringBuilder builder = new(Text.Length);
        bool gap = false;
        for (int i = 0; i < Text.Length; i++)
        {
            if (_taken[i] || char.IsWhiteSpace(Text[i]))
            {
                gap = builder.Length > 0;
                continue;
            }

            if (gap)
            {
                builder.Append(' ');
                gap = false;
            }

            builder.Append(Text[i]);
        }

        string rest = RepeatedSeparators().Replace(builder.ToString(), "$1").Trim().Trim(s_trimChars);
        return rest.Any(char.IsLetterOrDigit) ? rest : null;
    }

    private static readonly char[] s_trimChars = [',', '.', ';', ':', '!', '?', ' ', '\u3001', '\u3002'];

    /// <summary>Separators left next to each other once the entities between them are gone ("a; ; b").</summary>
    [GeneratedRegex(@"\s*([,;])(?:\s*[,;])+", RegexOptions.CultureInvariant)]
    private static partial Regex RepeatedSeparators();
}
