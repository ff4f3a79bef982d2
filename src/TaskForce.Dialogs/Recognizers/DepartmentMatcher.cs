using System.Text.RegularExpressions;

namespace TaskForce.Dialogs.Recognizers;

/// <summary>A partial department name that several roster departments contain ("commerce" for two commerce bureaus).</summary>
public sealed record AmbiguousName(string Name, IReadOnlyList<long> DepartmentIds);

/// <summary>
/// Every department a message names, and the department-looking names the roster does not know. A full name or
/// alias counts anywhere in the text (longest first); a partial name ("commerce") counts when it stands as one
/// item of a list (see department separators in the lexicon) and belongs to exactly one department; one that
/// several departments contain is returned as ambiguous, to be asked about rather than dropped.
/// </summary>
internal static partial class DepartmentMatcher
{
    public static (IReadOnlyList<long> Ids, IReadOnlyList<string> Unknown, IReadOnlyList<AmbiguousName> Ambiguous) Match(
        string text, IReadOnlyList<NamedCandidate> candidates, Lexicon lexicon)
    {
        List<AmbiguousName> ambiguous = [];
        bool[] taken = new bool[text.Length];
        List<(int At, long Id)> ids = [];
        (long Id, CandidateName Name)[] names = s_names.GetValue(candidates, c => Names(c, lexicon));
        foreach ((long id, CandidateName name) in names)
        {
            for (int at = Phrase.Find(text, name.Text); at >= 0; at = Phrase.Find(text, name.Text, at + 1))
            {
                if (Free(taken, at, name.Text.Length))
                {
                    Take(taken, at, name.Text.Length);
                    ids.Add((at, id));
                }
            }
        }

        foreach (Match segment in lexicon.DepartmentListItem.Matches(text))
        {
            if (!Free(taken, segment.Index, segment.Length) || Partial(segment.Value, names, lexicon) is not { Owners.Length: > 0 } partial)
            {
                continue;
            }

            Take(taken, segment.Index, segment.Length);
            if (partial.Owners.Length == 1)
            {
                ids.Add((segment.Index, partial.Owners[0]));
            }
            else
            {
                ambiguous.Add(new AmbiguousName(partial.Core, partial.Owners));
            }
        }

        return ([.. ids.OrderBy(i => i.At).Select(i => i.Id).Distinct()], Unknown(text, taken, lexicon), ambiguous);
    }

    /// <summary>
    /// Every name form of the departments, longest first, kept per candidate list: the turn passes the same list for as
    /// long as the roster is unchanged, so the forms are built once per roster, not once per message.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<NamedCandidate>, (long Id, CandidateName Name)[]> s_names = new();

    private static (long Id, CandidateName Name)[] Names(IReadOnlyList<NamedCandidate> candidates, Lexicon lexicon) =>
    [
        .. candidates
            .SelectMany(c => CandidateName.For(c.Name, c.NameEn, c.Aliases, lexicon, true).Select(n => (c.Id, Name: n)))
            .OrderByDescending(n => n.Name.Text.Length),
    ];

    /// <summary>The departments whose names hold the item (trimmed of the lexicon's lead and tail words, such as "need … to help"); null when it is too short to tell.</summary>
    private static (string Core, long[] Owners)? Partial(string item, (long Id, CandidateName Name)[] names, Lexicon lexicon)
    {
        string core = Trim(item.Trim(), lexicon);
        bool han = core.Any(Phrase.IsHan);
        if (han ? core.Count(Phrase.IsHan) < 2 : core.Length < 4)
        {
            return null;
        }

        string[] words = han ? [] : [.. core.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !lexicon.CandidateStopwords.Contains(w))];
        if (!han && words.Length == 0)
        {
            return null;
        }

        long[] owners =
        [
            .. names
                .Where(n => han ? n.Name.HasHan && n.Name.Text.Contains(core, StringComparison.Ordinal) : !n.Name.HasHan && words.All(w => n.Name.Words.Contains(w)))
                .Select(n => n.Id)
                .Distinct(),
        ];
        return (core, owners);
    }

    private static string Trim(string item, Lexicon lexicon)
    {
        bool changed = true;
        while (changed && item.Length > 0)
        {
            changed = false;
            foreach (string lead in lexicon.DepartmentLeadWords.Where(w => item.StartsWith(w, StringComparison.Ordinal) && item.Length > w.Length))
            {
                item = item[lead.Length..].TrimStart();
                changed = true;
                break;
            }

            foreach (string tail in lexicon.DepartmentTailWords.Where(w => item.EndsWith(w, StringComparison.Ordinal) && item.Length > w.Length))
            {
                item = item[..^tail.Length].TrimEnd();
                changed = true;
                break;
            }
        }

        return item;
    }

    /// <summary>Names ending in a department suffix (bureau and its Chinese form) in text no known department took, read back to a stop word.</summary>
    private static List<string> Unknown(string text, bool[] taken, Lexicon lexicon)
    {
        List<(int At, string Name)> found = [];
        for (int end = 0; end < text.Length; end++)
        {
            if (taken[end] || lexicon.DepartmentSuffixes.FirstOrDefault(s => string.CompareOrdinal(text, end, s, 0, s.Length) == 0) is not string suffix)
            {
                continue;
            }

            int start = end;
            while (start > 0 && end - start < 8 && !taken[start - 1] && Phrase.IsHan(text[start - 1]) && !lexicon.DepartmentStopChars.Contains(text[start - 1], StringComparison.Ordinal))
            {
                start--;
            }

            string name = text[start..(end + suffix.Length)];
            bool dangling = lexicon.DepartmentWordEndSuffixes.Contains(suffix) && end + 1 < text.Length && Phrase.IsHan(text[end + 1]);
            if (start < end && !dangling && !lexicon.DepartmentNotNames.Any(n => name.EndsWith(n, StringComparison.Ordinal)))
            {
                found.Add((start, name));
            }

            end += suffix.Length - 1;
        }

        Match[] words = [.. EnglishWord().Matches(text).Cast<Match>()];
        for (int i = 0; i < words.Length; i++)
        {
            if (!lexicon.DepartmentSuffixesEn.Contains(words[i].Value) || taken[words[i].Index])
            {
                continue;
            }

            // Read back over adjacent words (one space apart) that no department took, and drop the leading filler.
            int first = i;
            while (first > 0 && i - first < 4 && words[first - 1].Index + words[first - 1].Length + 1 == words[first].Index && !taken[words[first - 1].Index])
            {
                first--;
            }

            string[] kept = [.. words[first..(i + 1)].Select(w => w.Value).SkipWhile(w => lexicon.DepartmentLeadWords.Contains(w) || lexicon.CandidateStopwords.Contains(w))];
            if (kept.Length >= 2)
            {
                found.Add((words[first].Index, string.Join(' ', kept)));
            }
        }

        return [.. found.OrderBy(f => f.At).Select(f => f.Name).Distinct(StringComparer.Ordinal)];
    }

    private static bool Free(bool[] taken, int index, int length) => !taken.AsSpan(index, length).Contains(true);

    private static void Take(bool[] taken, int index, int length) => taken.AsSpan(index, length).Fill(true);

    [GeneratedRegex(@"[a-z][a-z'&-]*", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishWord();
}
