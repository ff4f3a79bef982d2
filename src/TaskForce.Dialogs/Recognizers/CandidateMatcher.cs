using System.Runtime.CompilerServices;

namespace TaskForce.Dialogs.Recognizers;

/// <summary>
/// Finds tasks, departments and campaigns named in a message. A full title or alias beats a partial one; a partial
/// Chinese match is the longest run of at least three characters shared with the title (a project's short name inside its full title);
/// a partial English match counts the title's significant words (and numbers) present in the message.
/// </summary>
internal static class CandidateMatcher
{
    private const int FullMatch = 1000;
    private const int MinimumPartial = 3;

    private static readonly ConditionalWeakTable<object, CandidateName[]> s_names = [];

    /// <summary>Tasks: the best-scoring ones (one when unique, several when tied), ignoring text already taken; their text is taken.</summary>
    public static IReadOnlyList<long> BestTasks(TextSpans spans, IReadOnlyList<TaskCandidate> tasks, Lexicon lexicon) =>
        Best(spans, tasks, t => t.Id, t => CandidateName.For(t.Title, t.TitleEn, t.Aliases, lexicon, false), minimumWords: 1);

    /// <summary>Campaigns: the best-scoring ones, full names first, partial names allowed (two words at least in English); their text is taken.</summary>
    public static IReadOnlyList<long> BestNamed(TextSpans spans, IReadOnlyList<NamedCandidate> candidates, Lexicon lexicon) =>
        Best(spans, candidates, c => c.Id, c => CandidateName.For(c.Name, c.NameEn, c.Aliases, lexicon, true), minimumWords: 2);

    private static List<long> Best<T>(TextSpans spans, IReadOnlyList<T> candidates, Func<T, long> id, Func<T, CandidateName[]> prepare, int minimumWords)
        where T : class
    {
        string text = spans.Visible();
        CharMask chars = CharMask.Of(text);
        List<long> ids = [];
        (int Score, int Index, int Length) best = default;
        foreach (T candidate in candidates)
        {
            if (!s_names.TryGetValue(candidate, out CandidateName[]? names))
            {
                names = s_names.GetValue(candidate, c => prepare((T)c));
            }

            (int Score, int Index, int Length) match = Score(text, chars, names, partial: true, minimumWords);
            if (match.Score > best.Score)
            {
                best = match;
                ids.Clear();
            }

            if (match.Score > 0 && match.Score == best.Score)
            {
                ids.Add(id(candidate));
            }
        }

        if (ids.Count > 0)
        {
            spans.Take(best.Index, best.Length);
        }

        return ids;
    }

    /// <summary>Departments: every one whose name or alias appears in full (a message may name several).</summary>
    public static IReadOnlyList<long> AllNamed(string text, IReadOnlyList<NamedCandidate> candidates, Lexicon lexicon)
    {
        List<long> ids = [];
        CharMask chars = CharMask.Of(text);
        foreach (NamedCandidate candidate in candidates)
        {
            if (!s_names.TryGetValue(candidate, out CandidateName[]? names))
            {
                names = s_names.GetValue(candidate, _ => CandidateName.For(candidate.Name, candidate.NameEn, candidate.Aliases, lexicon, true));
            }

            if (Score(text, chars, names, partial: false).Score >= FullMatch)
            {
                ids.Add(candidate.Id);
            }
        }

        return ids;
    }

    private static (int Score, int Index, int Length) Score(string text, CharMask chars, CandidateName[] names, bool partial, int minimumWords = 1)
    {
        (int Score, int Index, int Length) best = default;
        foreach (CandidateName name in names)
        {
            (int Score, int Index, int Length) match = chars.MayContainAll(name.Text) && Phrase.Find(text, name.Text) is int at and >= 0
                ? (FullMatch + name.Text.Length, at, name.Text.Length)
                : !partial ? default
                : name.HasHan ? (MayShareRun(name.Text, chars) ? CommonRun(text, name) : default)
                : Words(text, chars, name.Words, minimumWords);
            if (match.Score > best.Score)
            {
                best = match;
            }
        }

        return best;
    }

    /// <summary>Longest run of characters shared by text and name (at least <see cref="MinimumPartial"/> long, two of them Han).</summary>
    private static (int Score, int Index, int Length) CommonRun(string text, CandidateName candidate)
    {
        string name = candidate.Text;
        int bestLength = 0;
        int bestStart = 0;
        for (int i = 0; i + MinimumPartial <= text.Length; i++)
        {
            // Shorter runs never make the result, so skip starts whose next MinimumPartial characters are not all in the name.
            if (!Phrase.IsHan(text[i]) || !MayStartRun(text, i, candidate.Chars))
            {
                continue;
            }

            for (int j = name.IndexOf(text[i], StringComparison.Ordinal); j >= 0; j = name.IndexOf(text[i], j + 1))
            {
                int length = 1;
                while (i + length < text.Length && j + length < name.Length && text[i + length] == name[j + length])
                {
                    length++;
                }

                if (length > bestLength)
                {
                    bestLength = length;
                    bestStart = i;
                }
            }
        }

        int han = 0;
        for (int k = bestStart; k < bestStart + bestLength; k++)
        {
            han += Phrase.IsHan(text[k]) ? 1 : 0;
        }

        return bestLength >= MinimumPartial && han >= 2 ? (bestLength, bestStart, bestLength) : default;
    }

    /// <summary>False when no MinimumPartial consecutive characters of the name are all in the text, so no shared run can be long enough.</summary>
    private static bool MayShareRun(string name, CharMask text)
    {
        int run = 0;
        foreach (char c in name)
        {
            run = text.MayContain(c) ? run + 1 : 0;
            if (run >= MinimumPartial)
            {
                return true;
            }
        }

        return false;
    }

    private static bool MayStartRun(string text, int index, CharMask name)
    {
        for (int k = index; k < index + MinimumPartial; k++)
        {
            if (!name.MayContain(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Significant words of an English name found in the text; the score is their total length.</summary>
    private static (int Score, int Index, int Length) Words(string text, CharMask chars, string[] words, int minimumWords)
    {
        int score = 0;
        int count = 0;
        int first = -1;
        int last = -1;
        foreach (string word in words)
        {
            int at = chars.MayContainAll(word) ? Phrase.Find(text, word) : -1;
            if (at < 0)
            {
                continue;
            }

            score += word.Length;
            count++;
            first = first < 0 ? at : Math.Min(first, at);
            last = Math.Max(last, at + word.Length);
        }

        return score >= 4 && count >= minimumWords ? (Math.Min(score, FullMatch - 1), first, last - first) : default;
    }
}
