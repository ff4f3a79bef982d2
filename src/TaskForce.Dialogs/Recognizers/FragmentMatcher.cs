using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace TaskForce.Dialogs.Recognizers;

/// <summary>
/// The fallback when no task's name is found in full or by three shared characters: the task whose title shares the
/// most two-character pairs with the message, a pair written as in the title counting two and one that only sounds the
/// same (voice input) one, never one of the lexicon's generic words. It takes two points (one written pair, or two
/// sounded ones) and a unique best; a tie names no task, so the dialog asks.
/// </summary>
internal static class FragmentMatcher
{
    /// <summary>A pair of characters as written in a title scores two, one that only sounds the same scores one.</summary>
    private const int WrittenPoints = 2;
    private const int SoundedPoints = 1;
    private const long SoundFlag = 1L << 62;

    private static readonly ConditionalWeakTable<TaskCandidate, FrozenSet<long>> s_keys = [];
    private static readonly ConditionalWeakTable<Lexicon, FrozenSet<long>> s_generic = [];

    public static IReadOnlyList<long> Match(TextSpans spans, IReadOnlyList<TaskCandidate> tasks, Lexicon lexicon)
    {
        if (tasks.Count == 0)
        {
            return [];
        }

        string text = spans.Visible();
        FrozenSet<long> generic = s_generic.GetValue(lexicon, l => l.GenericTaskWords.Where(w => w.Length == 2).Select(w => Written(w[0], w[1])).ToFrozenSet());
        Span<int> scores = tasks.Count <= 64 ? stackalloc int[tasks.Count] : new int[tasks.Count];
        scores.Clear();
        int firstIndex = -1;
        int lastIndex = -1;
        for (int i = 0; i + 1 < text.Length; i++)
        {
            long written = Written(text[i], text[i + 1]);
            if (!IsHan(text[i]) || !IsHan(text[i + 1]) || generic.Contains(written))
            {
                continue;
            }

            long sound = Sound(text[i], text[i + 1]);
            for (int t = 0; t < tasks.Count; t++)
            {
                FrozenSet<long> keys = s_keys.GetValue(tasks[t], c => Keys(c, generic));
                int points = keys.Contains(written) ? WrittenPoints : keys.Contains(sound) ? SoundedPoints : 0;
                if (points > 0)
                {
                    scores[t] += points;
                    firstIndex = firstIndex < 0 ? i : firstIndex;
                    lastIndex = i + 2;
                }
            }
        }

        int best = 0;
        int winner = -1;
        for (int t = 0; t < scores.Length; t++)
        {
            if (scores[t] > best)
            {
                (best, winner) = (scores[t], t);
            }
            else if (scores[t] == best)
            {
                winner = -1;
            }
        }

        if (best < WrittenPoints || winner < 0)
        {
            return [];
        }

        spans.Take(firstIndex, lastIndex - firstIndex);
        return [tasks[winner].Id];
    }

    /// <summary>Each two-character pair of the task's title and aliases, as written and as it sounds.</summary>
    private static FrozenSet<long> Keys(TaskCandidate task, FrozenSet<long> generic)
    {
        HashSet<long> keys = [];
        foreach (string name in task.Aliases.Prepend(task.Title))
        {
            string normalized = TextNormalizer.Normalize(name);
            for (int i = 0; i + 1 < normalized.Length; i++)
            {
                long written = Written(normalized[i], normalized[i + 1]);
                if (IsHan(normalized[i]) && IsHan(normalized[i + 1]) && !generic.Contains(written))
                {
                    keys.Add(written);
                    keys.Add(Sound(normalized[i], normalized[i + 1]));
                }
            }
        }

        return keys.ToFrozenSet();
    }

    private static long Written(char first, char second) => ((long)first << 16) | second;

    private static long Sound(char first, char second) => SoundFlag | ((long)Pinyin.Of(first) << 24) | (long)Pinyin.Of(second);

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';
}
