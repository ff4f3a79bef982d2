namespace TaskForce.Dialogs.Recognizers;

/// <summary>Chooses the intent of a normalized message from its words and the entities found in it.</summary>
internal static class IntentResolver
{
    private static readonly Intent[] s_exactOrder =
    [
        Intent.Confirm, Intent.Deny, Intent.Help, Intent.Cancel, Intent.Back, Intent.SwitchLanguage,
        Intent.AcknowledgeBlocker, Intent.AmendReport, Intent.NextMeeting, Intent.ReportProgress,
    ];

    /// <summary>Intents whose exact words keep their meaning when said twice or strung together (see the corpus in dialogs/intents.yaml).</summary>
    private static readonly Intent[] s_repeatableOrder = [Intent.Cancel, Intent.Back, Intent.Help, Intent.Confirm, Intent.Deny];

    private static readonly Intent[] s_commandOrder =
    [
        Intent.LinkAccount, Intent.SwitchLanguage, Intent.Cancel, Intent.Back, Intent.Help, Intent.AmendReport, Intent.NextMeeting,
    ];

    private static readonly Intent[] s_blockerOrder =
    [
        Intent.CloseBlocker, Intent.ResolveBlocker, Intent.AcknowledgeBlocker, Intent.EscalateBlocker,
    ];

    private static readonly Intent[] s_blockerActions = [Intent.CloseBlocker, Intent.ResolveBlocker, Intent.AcknowledgeBlocker];

    /// <summary>Whether the whole message is a command word (or command words said together), which settles its intent.</summary>
    public static bool IsExact(string bare, IntentTable table) =>
        table.Exact(bare, s_exactOrder) is not null || table.ExactWords(bare, s_repeatableOrder) is not null;

    /// <summary>Whether the rules' intent came from a command phrase (link, language, cancel, back, help, amend, meeting), which settles it.</summary>
    public static bool IsCommand(Intent intent) => Array.IndexOf(s_commandOrder, intent) >= 0;

    public static Intent Resolve(string normalized, string bare, RecognizedEntities entities, IntentTable table)
    {
        if (table.Exact(bare, s_exactOrder) is Intent exact)
        {
            return exact;
        }

        if (table.ExactWords(bare, s_repeatableOrder) is Intent repeated)
        {
            return repeated;
        }

        IntentTable.Words words = table.Find(normalized);

        foreach (Intent intent in s_commandOrder)
        {
            if (words.Mentions(intent))
            {
                return intent;
            }
        }

        bool question = words.IsQuestion;
        bool reported = entities.Percent is not null || entities.Status is not null || entities.VagueChoices is not null;
        if (IsPendingQuestion(words, question, reported, entities))
        {
            return Intent.PendingBlockers;
        }

        if (!question)
        {
            foreach (Intent intent in s_blockerOrder)
            {
                if (words.Mentions(intent))
                {
                    return reported ? Intent.ReportProgress : intent;
                }
            }
        }

        if (entities.Percent is null && words.Mentions(Intent.QueryDeadlines))
        {
            return Intent.QueryDeadlines;
        }

        if (question)
        {
            return words.Mentions(Intent.StatusQuestion) || entities.DateScope == DateScope.None
                ? Intent.StatusQuestion
                : Intent.QueryDeadlines;
        }

        if (IsDateAlone(entities, words))
        {
            return Intent.QueryDeadlines;
        }

        if (reported || entities.BlockerText is not null || entities.DueDate is not null || words.Mentions(Intent.ReportProgress))
        {
            return Intent.ReportProgress;
        }

        if (words.Mentions(Intent.StatusQuestion))
        {
            return Intent.StatusQuestion;
        }

        return entities.TaskIds.Count > 0 && entities.Note is not null ? Intent.ReportProgress : Intent.None;
    }

    /// <summary>
    /// "By Friday": a deadline and nothing to report (no task, percent, status, blocker or report word) asks
    /// what is due then; a report always names what it is about. A bare date ("next Monday") stays an answer to a dialog.
    /// </summary>
    private static bool IsDateAlone(RecognizedEntities entities, IntentTable.Words words) =>
        entities.DueDate is not null
        && entities.TaskIds.Count == 0 && entities.ListNumber is null
        && entities.Percent is null && entities.Status is null && entities.BlockerText is null
        && !words.Mentions(Intent.ReportProgress);

    /// <summary>
    /// 待签收的问题, "anything to acknowledge?": a question about what waits lists it, so a question is never taken
    /// for the command its words contain. A task named, a percent or a status makes it a progress report instead
    /// (a task named with its problem); a status topic word makes it a status question (how many problems are still open?).
    /// </summary>
    private static bool IsPendingQuestion(IntentTable.Words words, bool question, bool reported, RecognizedEntities entities) =>
        (!reported && entities.TaskIds.Count == 0 && words.Mentions(Intent.PendingBlockers))
        || (question && !words.Mentions(Intent.StatusQuestion) && s_blockerActions.Any(words.Mentions));
}
