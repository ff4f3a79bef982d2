using TaskForce.Core.Tasks;
using TaskForce.Dialogs.Engine;
using TaskForce.Dialogs.Recognizers;

namespace TaskForce.Dialogs.Conversations;

internal static class DialogHelpers
{
    /// <summary>The task the message named when it is not one the member may act on.</summary>
    public static TaskView? RefusedTask(DialogContext context, RecognizedEntities entities) =>
        entities.TaskIds.Count == 0 ? context.ForeignTask : null;

    /// <summary>The tasks offered: the ambiguous matches when there were some, else all the member may report on.</summary>
    public static IReadOnlyList<TaskView> TaskOptions(DialogContext context, IReadOnlyList<long>? choices) =>
        choices is null ? context.ReportableTasks : [.. choices.Select(context.FindReportable).OfType<TaskView>()];

    /// <summary>The task an answer picks from the offered list: by its number, or by naming exactly one of them.</summary>
    public static long? PickTask(DialogContext context, IReadOnlyList<long>? choices, RecognizedEntities entities)
    {
        IReadOnlyList<long> options = choices ?? [.. context.ReportableTasks.Select(t => t.Id)];
        if (entities.ListNumber is int number && number >= 1 && number <= options.Count)
        {
            return options[number - 1];
        }

        long[] named = [.. entities.TaskIds.Where(options.Contains)];
        return named.Length == 1 ? named[0] : null;
    }

    /// <summary>
    /// Whether a reply says nothing but a figure ("60%", "70", "55 %."): such a reply is the report's percent, not its
    /// note, so the card does not repeat it as "note: 60%".
    /// </summary>
    public static bool IsFigureOnly(string text) =>
        text.All(c => char.IsDigit(c) || char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c));
}
