using System.Globalization;
using System.Text;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Rendering;

/// <summary>
/// Escalation messages and the daily digest (texts: dialogs/reminders.yaml). The owner's escalation messages
/// carry two buttons whose values, <c>blocker-ack:{id}</c> and <c>blocker-resolve:{id}</c>, start the
/// acknowledge and resolve dialogs for that blocker.
/// </summary>
public sealed class ReminderNoticeRenderer(TextCatalog texts, ReminderRenderer reminders)
{
    public const string AcknowledgeButtonPrefix = "blocker-ack:";
    public const string ResolveButtonPrefix = "blocker-resolve:";

    public OutgoingMessage Escalation(ReminderEscalationView view, ReminderRecipient recipient, bool late)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(recipient);
        string locale = recipient.Locale;
        (string Name, object? Value)[] args =
        [
            ("task", ReminderRenderer.Localized(view.TaskTitle, view.TaskTitleEn, locale)),
            ("text", view.Text),
            ("level", reminders.LevelName(view.Level, locale)),
            ("severity", Severity(view.Severity, locale)),
            ("days", reminders.AgeDays(view.RaisedAt)),
        ];
        TextKey key = view.Kind switch
        {
            "escalation-notice" => new TextKey("reminders", "escalation-notice"),
            "escalation-repeat" => new TextKey("reminders", "escalation-repeat"),
            _ => new TextKey("reminders", "escalation-owner"),
        };
        string text = texts.Get(key, locale, args);
        if (late)
        {
            text += Environment.NewLine + texts.Get(new TextKey("reminders", "reminder-late"), locale);
        }

        if (view.Kind == "escalation-notice")
        {
            return new OutgoingMessage(text);
        }

        string id = view.BlockerId.ToString(CultureInfo.InvariantCulture);
        return new OutgoingMessage(text)
        {
            Buttons =
            [
                new MessageButton(texts.Get(new TextKey("reminders", "escalation-ack-button"), locale), AcknowledgeButtonPrefix + id),
                new MessageButton(texts.Get(new TextKey("reminders", "escalation-resolve-button"), locale), ResolveButtonPrefix + id),
            ],
        };
    }

    public OutgoingMessage Digest(IReadOnlyList<ReminderDigestLine> lines, ReminderRecipient recipient)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(recipient);
        var text = new StringBuilder();
        text.AppendLine(texts.Get(new TextKey("reminders", "digest-heading"), recipient.Locale, ("count", lines.Count)));
        foreach (ReminderDigestLine line in lines.OrderBy(l => l.At))
        {
            text.AppendLine(texts.Get(
                new TextKey("reminders", "digest-line"),
                recipient.Locale,
                ("time", ReminderRenderer.FormatTime(texts, line.At, recipient.TimeZone, recipient.Locale)),
                ("text", line.Text)));
        }

        return new OutgoingMessage(text.ToString().TrimEnd());
    }

    private string Severity(string severity, string locale) => severity switch
    {
        "critical" => texts.Get(new TextKey("reminders", "severity-critical"), locale),
        "high" => texts.Get(new TextKey("reminders", "severity-high"), locale),
        "medium" => texts.Get(new TextKey("reminders", "severity-medium"), locale),
        _ => texts.Get(new TextKey("reminders", "severity-low"), locale),
    };
}
