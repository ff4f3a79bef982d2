using System.Runtime.CompilerServices;

namespace TaskForce.Dialogs.Recognizers;

/// <summary>
/// The fallback when no task's name is found in full or by three shared characters: a task named by a two-character
/// fragment only it has (written as in its title or sounding the same, for voice input), never by one of the lexicon's
/// generic words. The task with the most such fragments wins; a tie names no task, so the dialog asks.
/// </summary>
internal static class FragmentMatcher
{
    private static readonly ConditionalWeakTable<TaskCandidate, HashSet<string>> s_sounds = [];

    public static IReadOnlyList<long> Match(TextSpans spans, IReadOnlyList<TaskCandidate> tasks, Lexicon lexicon)
    {
        if (tasks.Count == 0)
        {
            return [];
        }

        string text = spans.Visible();
        HashSet<string>[] sounds = [.. tasks.Select(t => s_sounds.GetValue(t, c => Sounds(c, lexicon)))];
        int[] scores = new int[tasks.Count];
        int firstIndex = -1;
        int lastIndex = -1;
        for (int i = 0; i + 1 < text.Length; i++)
        {
            if (!IsHan(text[i]) || !IsHan(text[i + 1]) || lexicon.GenericTaskWords.Contains(text.Substring(i, 2)))
            {
                continue;
            }

            string pair = Pinyin.Pair(text[i], text[i + 1]);
            int owner = -1;
            for (int t = 0; t < tasks.Count; t++)
            {
                if (sounds[t].Contains(pair))
                {
                    owner = owner == -1 ? t : -2;
                }
            }

            if (owner >= 0)
            {
                scores[owner]++;
                firstIndex = firstIndex < 0 ? i : firstIndex;
                lastIndex = i + 2;
            }
        }

        int best = scores.Max();
        if (best == 0 || scores.Count(s => s == best) > 1)
        {
            return [];
        }

        spans.Take(firstIndex, lastIndex - firstIndex);
        return [tasks[Array.IndexOf(scores, best)].Id];
    }

    private static HashSet<string> Sounds(TaskCandidate task, Lexicon lexicon)
    {
        HashSet<string> sounds = new(StringComparer.Ordinal);
        foreach (string name in task.Aliases.Prepend(task.Title))
        {
            string normalized = TextNormalizer.Normalize(name);
            for (int i = 0; i + 1 < normalized.Length; i++)
            {
                if (IsHan(normalized[i]) && IsHan(normalized[i + 1]) && !lexicon.GenericTaskWords.Contains(normalized.Substring(i, 2)))
                {
                    sounds.Add(Pinyin.Pair(normalized[i], normalized[i + 1]));
                }
            }
        }

        return sounds;
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';
}
