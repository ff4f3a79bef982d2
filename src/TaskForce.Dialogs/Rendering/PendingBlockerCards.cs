using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TaskForce.Core.Blockers;
using TaskForce.Dialogs.Engine;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Rendering;

/// <summary>
/// Blockers waiting for a member, grouped by what each waits for (to acknowledge, to resolve, to close, to confirm,
/// on the reporter), each with its task, text, level and age and a button under it for the action that fits.
/// </summary>
internal static class PendingBlockerCards
{
    private const string Texts = "blockers";
    private const int MaxPerGroup = 6;

    private static readonly BlockerTodo[] s_groups =
        [BlockerTodo.Acknowledge, BlockerTodo.Resolve, BlockerTodo.Close, BlockerTodo.Confirm, BlockerTodo.AwaitingConfirmation];

    public static OutgoingMessage List(DialogContext context, string title, string? note, IReadOnlyList<(BlockerView Blocker, BlockerTodo Todo)> items)
    {
        var text = new StringBuilder(title);
        List<JsonNode> body = [Cards.Heading(title)];
        if (note is not null)
        {
            text.Append('\n').Append(note);
            body.Add(Cards.Text(note));
        }

        foreach (BlockerTodo todo in s_groups)
        {
            (BlockerView Blocker, BlockerTodo Todo)[] group = [.. items.Where(i => i.Todo == todo)];
            if (group.Length == 0)
            {
                continue;
            }

            string heading = context.T(Key("pending-group-" + Name(todo)), ("count", group.Length));
            text.Append("\n\n").Append(heading);
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = heading, ["weight"] = "Bolder", ["wrap"] = true, ["spacing"] = "Medium" });
            foreach ((BlockerView blocker, _) in group.Take(MaxPerGroup))
            {
                string line = Item(context, blocker);
                text.Append('\n').Append(line);
                body.Add(Cards.Text(line));
                if (Action(todo) is (string action, string label))
                {
                    body.Add(Cards.ActionSet([Cards.Submit(context.T(Key(label)), Cards.Command(action, blocker.Id))]));
                }
            }

            if (group.Length > MaxPerGroup)
            {
                string more = context.T(Key("pending-more"), ("count", group.Length - MaxPerGroup));
                text.Append('\n').Append(more);
                body.Add(Cards.Text(more, subtle: true));
            }
        }

        return new OutgoingMessage(text.ToString()) { Card = Cards.Card(body) };
    }

    /// <summary>"1 to close, 2 to resolve": how many wait in each group.</summary>
    public static string Counts(DialogContext context, IReadOnlyList<(BlockerView Blocker, BlockerTodo Todo)> items) =>
        string.Join(context.IsEnglish ? ", " : "、", s_groups
            .Select(todo => (todo, count: items.Count(i => i.Todo == todo)))
            .Where(g => g.count > 0)
            .Select(g => context.T(Key("pending-count-" + Name(g.todo)), ("count", g.count))));

    private static string Item(DialogContext context, BlockerView blocker) => context.T(Key("pending-item"),
        ("level", context.T(new TextKey("escalate-blocker", "level-" + blocker.Level.ToString(CultureInfo.InvariantCulture)))),
        ("task", blocker.LocalTaskTitle(context.Locale)),
        ("text", blocker.Text),
        ("age", Age(context, context.Now - blocker.RaisedAt)));

    private static string Age(DialogContext context, TimeSpan age) =>
        age.TotalDays >= 1 ? context.T(Key("age-days"), ("days", (int)age.TotalDays))
        : age.TotalHours >= 1 ? context.T(Key("age-hours"), ("hours", (int)age.TotalHours))
        : context.T(Key("age-now"));

    private static string Name(BlockerTodo todo) => todo switch
    {
        BlockerTodo.Acknowledge => "ack",
        BlockerTodo.Resolve => "resolve",
        BlockerTodo.Close => "close",
        BlockerTodo.Confirm => "confirm",
        _ => "awaiting",
    };

    /// <summary>The command and the label key of the button; none while the reporter has not confirmed.</summary>
    private static (string Action, string Label)? Action(BlockerTodo todo) => todo switch
    {
        BlockerTodo.Acknowledge => (Command.Acknowledge, "action-ack"),
        BlockerTodo.Resolve => (Command.Resolve, "action-resolve"),
        BlockerTodo.Close => (Command.Close, "action-close"),
        BlockerTodo.Confirm => (Command.ConfirmResolved, "action-confirm"),
        _ => null,
    };

    private static TextKey Key(string name) => new(Texts, name);
}
