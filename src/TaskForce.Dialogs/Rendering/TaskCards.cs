using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TaskForce.Core.Blockers;
using TaskForce.Core.Tasks;
using TaskForce.Dialogs.Engine;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Rendering;

/// <summary>Task lists, one task's status and the campaign overview, each as a card with a plain-text twin.</summary>
internal static class TaskCards
{
    private const string Texts = "queries";
    public const int PageSize = 8;

    public static OutgoingMessage List(DialogContext context, string header, IReadOnlyList<TaskView> tasks, int page)
    {
        int pages = Math.Max(1, (tasks.Count + PageSize - 1) / PageSize);
        TaskView[] shown = [.. tasks.Skip(page * PageSize).Take(PageSize)];
        var text = new StringBuilder(header);
        List<JsonNode> body = [Cards.Heading(header)];
        foreach (TaskView task in shown)
        {
            string line = Item(context, task);
            text.Append('\n').Append(line);
            body.Add(Cards.Text(line));
        }

        List<MessageButton> buttons = [];
        List<JsonNode> actions = [];
        if (pages > 1)
        {
            string pageLine = context.T(Key("page"), ("page", page + 1), ("pages", pages));
            text.Append('\n').Append(pageLine);
            body.Add(Cards.Text(pageLine, subtle: true));
            if (page + 1 < pages)
            {
                string more = context.T(Key("more"));
                buttons.Add(new MessageButton(more, more));
                actions.Add(Cards.Submit(more, Cards.Command("page", page + 1)));
            }
        }

        return new OutgoingMessage(text.ToString()) { Card = Cards.Card(body, actions), Buttons = buttons };
    }

    public static OutgoingMessage Status(DialogContext context, TaskView task)
    {
        string none = context.T(Key("summary-none"));
        List<(string, string)> facts =
        [
            (context.T(Key("field-campaign")), task.LocalCampaign(context.Locale)),
            (context.T(Key("field-owner")), task.OwnerName + " · " + task.LocalDepartment(context.Locale)),
            (context.T(Key("field-deadline")), context.Date(task.Deadline)),
            (context.T(new TextKey("report-progress", "field-percent")), Labels.Progress(context, task.Percent, task.Status)),
            (context.T(new TextKey("report-progress", "field-expected")), Labels.Percent(task.ExpectedPercent(context.Today))),
            (context.T(Key("field-light")), Labels.LightMark(task.Light) + " " + Labels.LightWithReason(context, task.Light, task.Reason)),
            (context.T(Key("field-last-report")), task.LastReportAt is null ? context.T(Key("never")) : context.DateTime(task.LastReportAt.Value)),
            (context.T(Key("field-blockers")), task.OpenBlockers == 0 ? none : task.OpenBlockers.ToString(CultureInfo.InvariantCulture)),
        ];
        string title = context.T(Key("task-title"), ("mark", Labels.LightMark(task.Light)), ("title", task.LocalTitle(context.Locale)));
        var text = new StringBuilder(title);
        foreach ((string name, string value) in facts)
        {
            text.Append('\n').Append(name).Append(": ").Append(value);
        }

        return new OutgoingMessage(text.ToString())
        {
            Card = Cards.Card([Cards.Heading(title), Cards.Light(Labels.LightWithReason(context, task.Light, task.Reason), task.Light), Cards.Facts(facts)]),
        };
    }

    public static OutgoingMessage Summary(DialogContext context, string scope, CampaignSummary summary, IReadOnlyList<BlockerView> blockers)
    {
        string none = context.T(Key("summary-none"));
        string title = context.T(Key("summary-title"), ("scope", scope));
        string counts = context.T(Key("summary-counts"),
            ("green", summary.Counts[Light.Green]), ("yellow", summary.Counts[Light.Yellow]), ("red", summary.Counts[Light.Red]), ("done", summary.Counts[Light.Done]));
        List<(string Heading, IReadOnlyList<string> Lines)> sections =
        [
            (context.T(Key("summary-overdue")), [.. summary.Overdue.Take(5).Select(t => Item(context, t))]),
            (context.T(Key("summary-attention")), [.. summary.RedAndYellow.Where(t => !summary.Overdue.Contains(t)).Take(5).Select(t => Item(context, t))]),
            (context.T(Key("summary-blockers")), [.. blockers.Take(5).Select(b => context.T(Key("summary-blocker-item"),
                ("level", context.T(new TextKey("escalate-blocker", "level-" + b.Level.ToString(CultureInfo.InvariantCulture)))),
                ("task", b.LocalTaskTitle(context.Locale)), ("text", b.Text), ("age", (int)(context.Now - b.RaisedAt).TotalDays)))]),
            (context.T(Key("summary-non-reporters"), ("since", context.DateTime(summary.ReportedSince))),
                summary.NonReporters.Count == 0 ? [] : [string.Join(context.IsEnglish ? ", " : "、", summary.NonReporters.Select(n => n.Name))]),
        ];
        var text = new StringBuilder(title).Append('\n').Append(counts);
        List<JsonNode> body = [Cards.Heading(title), Cards.Text(counts)];
        foreach ((string heading, IReadOnlyList<string> lines) in sections)
        {
            text.Append("\n\n").Append(heading).Append(':');
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = heading, ["weight"] = "Bolder", ["wrap"] = true, ["spacing"] = "Medium" });
            foreach (string line in lines.Count == 0 ? [none] : lines)
            {
                text.Append('\n').Append(line);
                body.Add(Cards.Text(line));
            }
        }

        return new OutgoingMessage(text.ToString()) { Card = Cards.Card(body) };
    }

    private static string Item(DialogContext context, TaskView task) => context.T(task.Reason is null ? Key("item") : Key("item-with-reason"),
        ("mark", Labels.LightMark(task.Light)),
        ("reason", task.Reason is null ? null : Labels.Reason(context, task.Reason)),
        ("title", task.LocalTitle(context.Locale)),
        ("deadline", context.Date(task.Deadline)),
        ("progress", Labels.Progress(context, task.Percent, task.Status)),
        ("expected", task.ExpectedPercent(context.Today)),
        ("owner", task.OwnerName));

    private static TextKey Key(string name) => new(Texts, name);
}
