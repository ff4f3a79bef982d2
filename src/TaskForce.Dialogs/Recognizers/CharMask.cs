using System.Runtime.CompilerServices;

namespace TaskForce.Dialogs.Recognizers;

/// <summary>
/// A 256-bit summary of the characters in a text (each character sets the bit of its low byte). A phrase with a
/// character whose bit is clear cannot occur in the text, so the search for it can be skipped; a set bit proves nothing.
/// </summary>
internal readonly struct CharMask
{
    private readonly ulong _b0;
    private readonly ulong _b1;
    private readonly ulong _b2;
    private readonly ulong _b3;

    private CharMask(ulong b0, ulong b1, ulong b2, ulong b3) => (_b0, _b1, _b2, _b3) = (b0, b1, b2, b3);

    public static CharMask Of(ReadOnlySpan<char> text)
    {
        ulong b0 = 0, b1 = 0, b2 = 0, b3 = 0;
        foreach (char c in text)
        {
            // A ulong shift uses the count's low six bits: bit c % 64 of word (c / 64) % 4.
            ulong bit = 1UL << c;
            int word = (c >> 6) & 3;
            b0 |= word == 0 ? bit : 0;
            b1 |= word == 1 ? bit : 0;
            b2 |= word == 2 ? bit : 0;
            b3 |= word == 3 ? bit : 0;
        }

        return new CharMask(b0, b1, b2, b3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayContain(char c)
    {
        int word = (c >> 6) & 3;
        ulong bits = word < 2 ? (word == 0 ? _b0 : _b1) : (word == 2 ? _b2 : _b3);
        return (bits & (1UL << c)) != 0;
    }

    /// <summary>False when some character of <paramref name="phrase"/> is certainly absent.</summary>
    public bool MayContainAll(string phrase)
    {
        foreach (char c in phrase)
        {
            if (!MayContain(c))
            {
                return false;
            }
        }

        return true;
    }
}
