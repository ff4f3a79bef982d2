namespace TaskForce.Dialogs.Recognizers.Classifier;

/// <summary>
/// The features the intent classifier reads from one message, hashed into <see cref="Buckets"/> slots: character
/// 1- to 3-grams of the message without filler particles (digits folded to one symbol), Latin words and word pairs,
/// and what the rules found in it (a percent, a status, a task, a department, a date, a blocker, a question word, an
/// intent's phrase). No allocation: the slots are written into the caller's span.
/// </summary>
internal static class IntentFeatures
{
    public const int Bits = 16;
    public const int Buckets = 1 << Bits;

    /// <summary>The most features one message yields; longer messages keep their first ones.</summary>
    public const int MaxFeatures = 640;

    private const uint Seed = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>Writes the message's feature slots into <paramref name="slots"/> and returns how many there are.</summary>
    public static int Extract(ReadOnlySpan<char> text, in Signals signals, Span<int> slots)
    {
        int count = 0;
        Span<char> folded = text.Length <= 256 ? stackalloc char[text.Length + 2] : new char[text.Length + 2];
        int length = Fold(text, folded);
        ReadOnlySpan<char> chars = folded[..length];
        for (int n = 1; n <= 3; n++)
        {
            for (int i = 0; i + n <= chars.Length && count < MaxFeatures; i++)
            {
                ReadOnlySpan<char> gram = chars.Slice(i, n);
                if (n > 1 || (gram[0] != ' ' && gram[0] != '^' && gram[0] != '$'))
                {
                    slots[count++] = Slot(Hash((uint)n, gram));
                }
            }
        }

        count = LatinWords(chars, slots, count);
        return Flags(signals, slots, count);
    }

    /// <summary>Folds a message for n-grams: boundary marks at both ends, runs of digits as one '0', runs of spaces and punctuation as one space.</summary>
    private static int Fold(ReadOnlySpan<char> text, Span<char> folded)
    {
        int length = 0;
        folded[length++] = '^';
        foreach (char c in text)
        {
            char mapped = char.IsAsciiDigit(c) ? '0' : char.IsLetter(c) || c == '%' ? c : ' ';
            bool repeat = length > 0 && folded[length - 1] == mapped && mapped is '0' or ' ';
            if (!repeat)
            {
                folded[length++] = mapped;
            }
        }

        if (length > 1 && folded[length - 1] == ' ')
        {
            length--;
        }

        folded[length++] = '$';
        return length;
    }

    private static int LatinWords(ReadOnlySpan<char> chars, Span<int> slots, int count)
    {
        uint previous = 0;
        int start = -1;
        for (int i = 0; i <= chars.Length && count < MaxFeatures - 1; i++)
        {
            bool letter = i < chars.Length && char.IsAsciiLetter(chars[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                uint word = Hash(11, chars[start..i]);
                slots[count++] = Slot(word);
                if (previous != 0)
                {
                    slots[count++] = Slot((previous * Prime) ^ word ^ 12);
                }

                previous = word;
                start = -1;
            }
            else if (!letter && i < chars.Length && !char.IsWhiteSpace(chars[i]))
            {
                previous = 0;
            }
        }

        return count;
    }

    private static int Flags(in Signals signals, Span<int> slots, int count)
    {
        ReadOnlySpan<uint> flags =
        [
            signals.Percent ? 101u : 0,
            signals.Status is ReportStatus status ? 200u + (uint)status : 0,
            signals.Tasks switch { 0 => 0, 1 => 102u, _ => 103u },
            signals.Departments ? 104u : 0,
            signals.Campaigns ? 105u : 0,
            signals.Date ? 106u : 0,
            signals.DueDate ? 107u : 0,
            signals.Blocker ? 108u : 0,
            signals.Severity ? 109u : 0,
            signals.Question ? 110u : 0,
        ];
        foreach (uint flag in flags)
        {
            if (flag != 0 && count < MaxFeatures)
            {
                slots[count++] = Slot(Mix(flag));
            }
        }

        for (int intent = 0; intent < 32 && count < MaxFeatures; intent++)
        {
            if ((signals.Mentioned & (1u << intent)) != 0)
            {
                slots[count++] = Slot(Mix(300u + (uint)intent));
            }
        }

        return count;
    }

    private static uint Hash(uint kind, ReadOnlySpan<char> gram)
    {
        uint hash = Seed ^ (kind * 0x9E3779B9u);
        foreach (char c in gram)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }

    private static uint Mix(uint value) => (value * 0x9E3779B9u) ^ 0x5bd1e995u;

    private static int Slot(uint hash) => (int)((hash ^ (hash >> Bits)) & (Buckets - 1));

    /// <summary>What the rules found in the message, as the classifier's non-text features.</summary>
    public readonly record struct Signals(
        bool Percent, ReportStatus? Status, int Tasks, bool Departments, bool Campaigns, bool Date, bool DueDate, bool Blocker, bool Severity,
        bool Question, uint Mentioned)
    {
        public static Signals From(RecognizedEntities entities, bool question, uint mentioned) => new(
            entities.Percent is not null, entities.Status, entities.TaskIds.Count, entities.DepartmentIds.Count + entities.UnknownDepartments.Count > 0,
            entities.CampaignIds.Count > 0, entities.DateScope != DateScope.None, entities.DueDate is not null, entities.BlockerText is not null,
            entities.Severity is not null, question, mentioned);
    }
}
