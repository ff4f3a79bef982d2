namespace TaskForce.Dialogs.Texts;

/// <summary>The languages the bot speaks; zh-CN is the default.</summary>
public static class Locales
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";

    public static IReadOnlyList<string> Supported { get; } = [Chinese, English];

    /// <summary>
    /// The reply language for a member: the language they chose in the chat or the roster gives, else (both left it
    /// open) the language the message is written in, else the client's locale (which the host has already replaced by
    /// <c>Bot:DefaultLocale</c> when the client sent none). A whole reply uses this one language.
    /// </summary>
    public static string For(string memberLocale, string? clientLocale, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(memberLocale);
        if (memberLocale != Core.Members.Member.AutoLocale)
        {
            return Resolve(memberLocale);
        }

        return OfText(message) ?? Resolve(clientLocale);
    }

    /// <summary>zh-CN for text with Han characters, en-US for text with Latin words and no Han, null when it says nothing (digits, "70%", "ok").</summary>
    public static string? OfText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        int latin = 0;
        foreach (char c in text)
        {
            if (c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF')
            {
                return Chinese;
            }

            if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }

        return latin >= 3 ? English : null;
    }

    /// <summary>Maps any BCP-47 tag to a supported locale: en-* → en-US, everything else → zh-CN.</summary>
    public static string Resolve(string? tag) =>
        tag is not null && tag.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;
}
