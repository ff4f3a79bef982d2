using TaskForce.Dialogs.Rendering;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Engine;

/// <summary>
/// A short answer with the four main things the bot does as buttons (report, query, raise a blocker, meetings): for a
/// greeting, and for a message the recognizer could not place, so the bot asks rather than guesses. Each button sends
/// its own label, which the recognizer reads as a command word.
/// </summary>
internal static class MainChoices
{
    private static readonly string[] s_choices = ["choice-report", "choice-query", "choice-escalate", "choice-meeting"];

    public static OutgoingMessage Ask(DialogContext context, string textName) => new(context.T(new TextKey("common", textName), ("name", context.Member.DisplayName(context.Locale))))
    {
        Buttons = [.. s_choices.Select(name => context.T(new TextKey("common", name))).Select(label => new MessageButton(label, label))],
    };
}
