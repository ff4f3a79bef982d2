using System.Runtime.CompilerServices;

namespace TaskForce.Dialogs.Recognizers;

/// <summary>
/// Finds tasks, departments and campaigns named in a message. A full title or alias beats a partial one; a partial
/// Chinese match is the longest run of at least three characters shared with the title ("海洋牧场" in a longer title);
/// a partial English match counts the title's significant words (and numbers) present in the message.
/// </summary>
internal static class CandidateMatcher
{
    private const int FullMatch = 1000;
    private const int MinimumPartial = 3;

    private static readonly ConditionalWeakTable<object, string[]> s_names = [];

    /// <summary>Ids of the best-scoring candidates: one when unique, several when tied; their text is taken.</summary>
    public static IReadOnlyList<long> BestTasks(TextSpans spans, IReadOnlyList<TaskCandidate> tasks, Lexicon lexicon)
    {
        List<long> ids = [];
        (int Score, int Index, int Length) best = default;
        foreach (TaskCandidate task in tasks)
        {
            string[] names = s_names.GetValue(task, _ => Names(task.Title, task.TitleEn, task.Aliases, lexicon, false));
            var match = Score(spans.Text, names, lexicon, partial: true);
            if (match.Score > best.Score)
            {
                best = match;
                ids.Clear();
            }

            if (match.Score > 0 && match.Score == best.Score)
            {
                ids.Add(task.Id);
            }
        }

        if (ids.Count > 0)
        {
            spans.Take(best.Index, best.Length);
        }

        return ids;
    }

    /// <summary>Campaigns: the best-scoring ones, full names first, partial names allowed.</summary>
    public static IReadOnlyList<long> BestNamed(string text, IReadOnlyList<NamedCandidate> candidates, Lexicon lexicon)
    {
        List<long> ids = [];
        int best = 0;
        foreach (NamedCandidate candidate in candidates)
        {
            string[] names = s_names.GetValue(candidate, _ => Names(candidate.Name, candidate.NameEn, candidate.Aliases, lexicon, true));
            int score = Score(text, names, lexicon, partial: true).Score;
            if (score > best)
            {
                best = score;
                ids.Clear();
            }

            if (score > 0 && score == best)
            {
                ids.Add(candidate.Id);
            }
        }

        return ids;
    }

    /// <summary>Departments: every one whose name or alias appears in full (a message may name several).</summary>
    public static IReadOnlyList<long> AllNamed(string text, IReadOnlyList<NamedCandidate> candidates, Lexicon lexicon)
    {
        List<long> ids = [];
        foreach (NamedCandidate candidate in candidates)
        {
            string[] names = s_names.GetValue(candidate, _ => Names(candidate.Name, candidate.NameEn, candidate.Aliases, lexicon, true));
            if (Score(text, names, lexicon, partial: false).Score >= FullMatch)
            {
                ids.Add(candidate.Id);
            }
        }

        return ids;
    }

    private static (int Score, int Index, int Length) Score(string text, string[] names, Lexicon lexicon, bool partial)
    {
        (int Score, int Index, int Length) best = default;
        foreach (string name in names)
        {
            (int Score, int Index, int Length) match = Phrase.Find(text, name) is int at and >= 0
                ? (FullMatch + name.Length, at, name.Length)
                : !partial ? default
                : name.Any(Phrase.IsHan) ? CommonRun(text, name)
                : Words(text, name, lexicon);
            if (match.Score > best.Score)
            {
                best = match;
            }
        }

        return best;
    }

    /// <summary>Longest run of characters shared by text and name (at least <see cref="MinimumPartial"/> long, two of them Han).</summary>
    private static (int Score, int Index, int Length) CommonRun(string text, string name)
    {
        Span<int> previous = stackalloc int[name.Length + 1];
        Span<int> current = stackalloc int[name.Length + 1];
        int bestLength = 0;
        int bestEnd = 0;
        for (int i = 1; i <= text.Length; i++)
        {
            current.Clear();
            for (int j = 1; j <= name.Length; j++)
            {
                if (text[i - 1] == name[j - 1] && text[i - 1] != ' ')
                {
                    current[j] = previous[j - 1] + 1;
                    if (current[j] > bestLength)
                    {
                        bestLength = current[j];
                        bestEnd = i;
                    }
                }
            }

            current.CopyTo(previous);
        }

        int start = bestEnd - bestLength;
        bool enough = bestLength >= MinimumPartial && text.AsSpan(start, bestLength).ToString().Count(Phrase.IsHan) >= 2;
        return enough ? (bestLength, start, bestLength) : default;
    }

    /// <summary>Significant words of an English name found in the text; the score is their total length.</summary>
    private static (int Score, int Index, int Length) Words(string text, string name, Lexicon lexicon)
    {
        int score = 0;
        int first = -1;
        int last = -1;
        foreach (string word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if ((word.Length < 3 && !word.All(char.IsAsciiDigit)) || lexicon.CandidateStopwords.Contains(word) || Phrase.Find(text, word) is not (int at and >= 0))
            {
                continue;
            }

            score += word.Length;
            first = first < 0 ? at : Math.Min(first, at);
            last = Math.Max(last, at + word.Length);
        }

        return score >= 4 ? (Math.Min(score, FullMatch - 1), first, last - first) : default;
    }

    private static string[] Names(string name, string? nameEn, IReadOnlyList<string> aliases, Lexicon lexicon, bool stripPrefixes)
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

        return [.. names.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)];
    }
}
