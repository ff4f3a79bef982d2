namespace TaskForce.Dialogs.Texts;

/// <summary>The languages the bot speaks; zh-CN is the default.</summary>
public static class Locales
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";

    public static IReadOnlyList<string> Supported { get; } = [Chinese, English];

    /// <summary>The member's language: their setting, else (roster left it open) the client's, else zh-CN.</summary>
    public static string For(string memberLocale, string? clientLocale) =>
        memberLocale == Core.Members.Member.AutoLocale ? Resolve(clientLocale) : Resolve(memberLocale);

    /// <summary>Maps any BCP-47 tag to a supported locale: en-* → en-US, everything else → zh-CN.</summary>
    public static string Resolve(string? tag) =>
        tag is not null && tag.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;
}
