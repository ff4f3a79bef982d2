using System.Text;
using System.Text.Json.Nodes;
using TaskForce.Dialogs.Engine;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Rendering;

/// <summary>Cards about blockers: the reporter's confirmation before escalating.</summary>
internal static class BlockerCards
{
    private const string Texts = "escalate-blocker";

    public static OutgoingMessage Confirm(DialogContext context, long taskId, string text, string severity, IReadOnlyList<long> departmentIds)
    {
        string none = context.T(new TextKey("report-progress", "none"));
        string departments = departmentIds.Count == 0
            ? none
            : string.Join(context.IsEnglish ? ", " : "、", departmentIds.Select(id => context.Reference.Department(id)?.LocalName(context.Locale) ?? "?"));
        List<(string, string)> facts =
        [
            (context.T(new TextKey("report-progress", "field-task")), context.FindReportable(taskId)?.LocalTitle(context.Locale) ?? "?"),
            (context.T(new TextKey("report-progress", "field-blocker")), text),
            (context.T(new TextKey(Texts, "field-severity")), context.T(new TextKey(Texts, "severity-" + severity))),
            (context.T(new TextKey(Texts, "field-departments")), departments),
        ];
        string yes = context.T(new TextKey("common", "yes"));
        string no = context.T(new TextKey("common", "no"));
        JsonObject card = Cards.Card(
            [Cards.Heading(context.T(new TextKey(Texts, "confirm-title"))), Cards.Facts(facts)],
            [Cards.Submit(yes, Cards.Command("confirm")), Cards.Submit(no, Cards.Command("cancel"))]);
        var fallback = new StringBuilder(context.T(new TextKey(Texts, "confirm-title")));
        foreach ((string name, string value) in facts)
        {
            fallback.Append('\n').Append(name).Append(": ").Append(value);
        }

        return new OutgoingMessage(fallback.ToString()) { Card = card, Buttons = [new MessageButton(yes, yes), new MessageButton(no, no)] };
    }
}
