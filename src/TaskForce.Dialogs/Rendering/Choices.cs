using System.Globalization;
using System.Text;
using TaskForce.Core.Tasks;
using TaskForce.Dialogs.Engine;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Rendering;

/// <summary>
/// A numbered list of tasks to pick from: numbers in the text for channels without buttons, and a button
/// per task whose value is its number, so a tap and a typed "2" are the same answer.
/// </summary>
internal static class Choices
{
    public const int MaxChoices = 9;

    public static OutgoingMessage Tasks(DialogContext context, TextKey header, IReadOnlyList<TaskView> tasks)
    {
        var text = new StringBuilder(context.T(header));
        List<MessageButton> buttons = [];
        for (int i = 0; i < tasks.Count && i < MaxChoices; i++)
        {
            string number = (i + 1).ToString(CultureInfo.InvariantCulture);
            string title = tasks[i].LocalTitle(context.Locale);
            text.Append('\n').Append(number).Append(". ").Append(title)
                .Append(" (").Append(context.Date(tasks[i].Deadline)).Append(')');
            buttons.Add(new MessageButton(number + ". " + Shorten(title), number));
        }

        return new OutgoingMessage(text.ToString()) { Buttons = buttons };
    }

    public static OutgoingMessage YesNo(DialogContext context, string text) => new(text)
    {
        Buttons = [new MessageButton(context.T(new TextKey("common", "yes")), context.T(new TextKey("common", "yes"))),
                   new MessageButton(context.T(new TextKey("common", "no")), context.T(new TextKey("common", "no")))],
    };

    private static string Shorten(string title) => title.Length <= 18 ? title : title[..17] + "…";
}
