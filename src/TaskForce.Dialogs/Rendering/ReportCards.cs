using System.Text;
using System.Text.Json.Nodes;
using TaskForce.Core.Tasks;
using TaskForce.Dialogs.Engine;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Rendering;

/// <summary>The confirmation card of a report: what will be saved, with Confirm and Cancel.</summary>
internal static class ReportCards
{
    private const string Texts = "report-progress";

    public static OutgoingMessage Confirm(
        DialogContext context, TextKey title, TaskView task, int? percent, string? status, string note, string? blocker)
    {
        List<(string, string)> facts =
        [
            (context.T(new TextKey(Texts, "field-task")), task.LocalTitle(context.Locale)),
            (context.T(new TextKey(Texts, "field-percent")), Labels.Progress(context, percent, status)),
            (context.T(new TextKey(Texts, "field-expected")), Labels.Percent(task.ExpectedPercent(context.Today))),
        ];
        if (!string.IsNullOrWhiteSpace(note))
        {
            facts.Add((context.T(new TextKey(Texts, "field-note")), note));
        }

        if (!string.IsNullOrWhiteSpace(blocker))
        {
            facts.Add((context.T(new TextKey(Texts, "field-blocker")), blocker));
        }

        string yes = context.T(new TextKey("common", "yes"));
        string no = context.T(new TextKey("common", "no"));
        JsonObject card = Cards.Card(
            [Cards.Heading(context.T(title)), Cards.Facts(facts), Cards.Text(context.T(new TextKey(Texts, "confirm-hint")), subtle: true)],
            [Cards.Submit(yes, Cards.Command("confirm")), Cards.Submit(no, Cards.Command("cancel"))]);

        var text = new StringBuilder(context.T(title));
        foreach ((string name, string value) in facts)
        {
            text.Append('\n').Append(name).Append(": ").Append(value);
        }

        text.Append('\n').Append(context.T(new TextKey(Texts, "confirm-hint")));
        return new OutgoingMessage(text.ToString())
        {
            Card = card,
            Buttons = [new MessageButton(yes, yes), new MessageButton(no, no)],
        };
    }
}
