namespace TaskForce.Dialogs.Recognizers;

/// <summary>One normalized name of a candidate, prepared once for matching.</summary>
internal sealed record CandidateName(string Text, bool HasHan, string[] Words)
{
    /// <summary>The characters of <see cref="Text"/>, to skip text positions that cannot start a shared run.</summary>
    public CharMask Chars { get; } = CharMask.Of(Text);

    /// <summary>The normalized title, English title and aliases (plus, for departments, the names without a city prefix).</summary>
    public static CandidateName[] For(string name, string? nameEn, IReadOnlyList<string> aliases, Lexicon lexicon, bool stripPrefixes)
    {
        List<string> names = [TextNormalizer.Normalize(name)];
        if (!string.IsNullOrWhiteSpace(nameEn))
        {
            names.Add(TextNormalizer.Normalize(nameEn));
        }

        names.AddRange(aliases.Where(a => !string.IsNullOrWhiteSpace(a)).Select(TextNormalizer.Normalize));
        if (stripPrefixes)
        {
            names.AddRange([.. names.SelectMany(n => lexicon.NamePrefixes.Where(p => n.Length > p.Length + 1 && n.StartsWith(p, StringComparison.Ordinal)).Select(p => n[p.Length..]))]);
        }

        return [.. names.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Select(n => Create(n, lexicon))];
    }

    private static CandidateName Create(string text, Lexicon lexicon)
    {
        bool hasHan = text.Any(Phrase.IsHan);
        string[] words = hasHan ? [] :
        [
            .. text.Split([' ', '-', '/', ','], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => (w.Length >= 3 || w.All(char.IsAsciiDigit)) && !lexicon.CandidateStopwords.Contains(w)),
        ];
        return new CandidateName(text, hasHan, words);
    }
}
