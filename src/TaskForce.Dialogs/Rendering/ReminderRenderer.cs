using System.Globalization;
using System.Text;
using TaskForce.Core.Calendar;
using TaskForce.Core.Meetings;
using TaskForce.Core.Tasks;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Rendering;

/// <summary>
/// Meeting reminders and report nudges in the recipient's language and zone (texts: dialogs/reminders.yaml).
/// A nudge carries one "report now" button per unreported task whose value, <c>report:{taskId}</c>, starts the
/// report dialog for that task.
/// </summary>
public sealed class ReminderRenderer(TextCatalog texts, TimeProvider time)
{
    public const string ReportButtonPrefix = "report:";

    public OutgoingMessage Reminder(ReminderMeetingView view, ReminderRecipient recipient, bool late)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(recipient);
        string locale = recipient.Locale;
        Meeting meeting = view.Meeting;
        var text = new StringBuilder();
        text.AppendLine(texts.Get(new TextKey("reminders", "reminder-title"), locale, ("title", Localized(meeting.Title, meeting.TitleEn, locale))));
        if (late)
        {
            text.AppendLine(texts.Get(new TextKey("reminders", "reminder-late"), locale));
        }

        text.AppendLine(texts.Get(
            new TextKey("reminders", "reminder-time"), locale, ("time", FormatTime(view.Occurrence.Start, recipient.TimeZone, locale))));
        if (view.Occurrence.Moved)
        {
            text.AppendLine(texts.Get(new TextKey("reminders", "reminder-moved"), locale, ("time", FormatTime(view.Occurrence.ScheduledStart, recipient.TimeZone, locale))));
        }

        if (!string.IsNullOrWhiteSpace(meeting.Location))
        {
            text.AppendLine(texts.Get(new TextKey("reminders", "reminder-location"), locale, ("location", meeting.Location)));
        }

        text.AppendLine();
        AppendBrief(text, view.Brief, locale);
        string written = text.ToString().TrimEnd();
        return new OutgoingMessage(written) { Card = SectionCard(written) };
    }

    /// <summary>
    /// The reminder as a card with short sections, for phones: the first line is the heading, a blank line starts a
    /// new section whose first line is its bold title, every line wraps on its own. The text stays the fallback.
    /// </summary>
    internal static System.Text.Json.Nodes.JsonObject SectionCard(string written)
    {
        string[] lines = written.ReplaceLineEndings("\n").Split('\n');
        List<System.Text.Json.Nodes.JsonNode> body = [Cards.Heading(lines[0])];
        bool sectionStart = false;
        foreach (string line in lines.Skip(1))
        {
            if (line.Length == 0)
            {
                sectionStart = true;
                continue;
            }

            System.Text.Json.Nodes.JsonObject block = Cards.Text(line);
            if (sectionStart)
            {
                block["separator"] = true;
                block["weight"] = "Bolder";
                block["spacing"] = "Medium";
                sectionStart = false;
            }

            body.Add(block);
        }

        return Cards.Card(body);
    }

    /// <summary>The attendees' notice that one occurrence, or the whole meeting, will not take place.</summary>
    public OutgoingMessage Cancelled(Meeting meeting, DateTimeOffset? occurrenceStart, ReminderRecipient recipient)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(recipient);
        string title = Localized(meeting.Title, meeting.TitleEn, recipient.Locale);
        return new OutgoingMessage(occurrenceStart is { } start
            ? texts.Get(new TextKey("reminders", "cancelled-occurrence"), recipient.Locale, ("title", title), ("time", FormatTime(start, recipient.TimeZone, recipient.Locale)))
            : texts.Get(new TextKey("reminders", "cancelled-meeting"), recipient.Locale, ("title", title)));
    }

    public OutgoingMessage Nudge(Meeting meeting, DateTimeOffset start, IReadOnlyList<BriefTask> tasks, ReminderRecipient recipient, bool late)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(recipient);
        string locale = recipient.Locale;
        var text = new StringBuilder();
        text.AppendLine(texts.Get(
            new TextKey("reminders", "nudge-text"),
            locale,
            ("title", Localized(meeting.Title, meeting.TitleEn, locale)),
            ("time", FormatTime(start, recipient.TimeZone, locale))));
        if (late)
        {
            text.AppendLine(texts.Get(new TextKey("reminders", "reminder-late"), locale));
        }

        List<MessageButton> buttons = [];
        foreach (BriefTask task in tasks)
        {
            string title = Localized(task.Title, task.TitleEn, locale);
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{buttons.Count + 1}. {title}"));
            buttons.Add(new MessageButton(
                texts.Get(new TextKey("reminders", "nudge-button"), locale, ("task", title)),
                string.Create(CultureInfo.InvariantCulture, $"{ReportButtonPrefix}{task.Id}")));
        }

        return new OutgoingMessage(text.ToString().TrimEnd()) { Buttons = buttons };
    }

    private void AppendBrief(StringBuilder text, MeetingBrief brief, string locale)
    {
        text.AppendLine(texts.Get(new TextKey("reminders", "brief-heading"), locale, ("campaign", Localized(brief.CampaignName, brief.CampaignNameEn, locale))));
        text.AppendLine(texts.Get(
            new TextKey("reminders", "brief-lights"),
            locale,
            ("red", brief.Counts.GetValueOrDefault(Light.Red)),
            ("yellow", brief.Counts.GetValueOrDefault(Light.Yellow)),
            ("green", brief.Counts.GetValueOrDefault(Light.Green)),
            ("done", brief.Counts.GetValueOrDefault(Light.Done))));
        if (brief.RedTasks.Count > 0)
        {
            text.AppendLine(texts.Get(new TextKey("reminders", "brief-red"), locale, ("tasks", TaskList(brief.RedTasks, locale))));
        }

        if (brief.YellowTasks.Count > 0)
        {
            text.AppendLine(texts.Get(new TextKey("reminders", "brief-yellow"), locale, ("tasks", TaskList(brief.YellowTasks, locale))));
        }

        if (brief.OpenBlockers.Count > 0)
        {
            text.AppendLine(texts.Get(new TextKey("reminders", "brief-blockers"), locale));
            foreach (BriefBlocker blocker in brief.OpenBlockers)
            {
                text.AppendLine(texts.Get(
                    new TextKey("reminders", "brief-blocker-line"),
                    locale,
                    ("task", Localized(blocker.TaskTitle, blocker.TaskTitleEn, locale)),
                    ("text", blocker.Text),
                    ("level", LevelName(blocker.Level, locale)),
                    ("days", AgeDays(blocker.RaisedAt))));
                if (blocker.Consultations.Count > 0)
                {
                    text.AppendLine(texts.Get(new TextKey("reminders", "brief-consultation-line"), locale, ("departments", Consultations(blocker, locale))));
                }
            }
        }

        if (brief.RedTasks.Count == 0 && brief.YellowTasks.Count == 0 && brief.OpenBlockers.Count == 0)
        {
            text.AppendLine(texts.Get(new TextKey("reminders", "brief-quiet"), locale));
        }

        if (brief.PreviousDecisions.Count > 0)
        {
            text.AppendLine(texts.Get(new TextKey("reminders", "brief-decisions"), locale));
            foreach (MeetingDecision decision in brief.PreviousDecisions)
            {
                TextKey key = decision.Done ? new TextKey("reminders", "brief-decision-done-line") : new TextKey("reminders", "brief-decision-line");
                text.AppendLine(texts.Get(key, locale, ("text", decision.Text)));
            }
        }
    }

    /// <summary>"Housing Bureau (answered), Planning Bureau (no answer yet)": each consulted department and whether it answered.</summary>
    private string Consultations(BriefBlocker blocker, string locale) =>
        string.Join(
            texts.Get(new TextKey("reminders", "list-separator"), locale),
            blocker.Consultations.Select(c => texts.Get(
                new TextKey("reminders", c.Replied ? "brief-consultation-replied" : "brief-consultation-waiting"), locale, ("department", c.LocalDepartment(locale)))));

    internal string LevelName(int level, string locale) => level switch
    {
        0 => texts.Get(new TextKey("reminders", "level-0"), locale),
        1 => texts.Get(new TextKey("reminders", "level-1"), locale),
        _ => texts.Get(new TextKey("reminders", "level-2"), locale),
    };

    internal int AgeDays(DateTimeOffset since) => Math.Max(0, (int)(time.GetUtcNow() - since).TotalDays);

    internal static string Localized(string text, string? english, string locale) =>
        Locales.Resolve(locale) == Locales.English && !string.IsNullOrWhiteSpace(english) ? english : text;

    /// <summary>
    /// A time as people read it on a phone, with the weekday: "Mon Dec 7, 09:00" in English and the same order in Chinese — in the
    /// recipient's zone, so no zone name is needed next to it.
    /// </summary>
    /// <summary>"Mon Dec 7, 09:00" (and its Chinese form) in the zone: the chat's own date-time format (common/datetime-format).</summary>
    internal static string FormatTime(TextCatalog texts, DateTimeOffset instant, string timeZone, string locale)
    {
        ArgumentNullException.ThrowIfNull(texts);
        TimeZoneInfo zone = TimeZones.TryFind(timeZone, out TimeZoneInfo? found) ? found : TimeZoneInfo.Utc;
        string language = Locales.Resolve(locale);
        return TimeZones.ToLocal(instant, zone).ToString(texts.Get(new TextKey("common", "datetime-format"), language), CultureInfo.GetCultureInfo(language));
    }

    private string FormatTime(DateTimeOffset instant, string timeZone, string locale) => FormatTime(texts, instant, timeZone, locale);

    private string TaskList(IReadOnlyList<BriefTask> tasks, string locale) =>
        string.Join(texts.Get(new TextKey("reminders", "list-separator"), locale), tasks.Select(t => BriefTaskText(t, locale)));

    /// <summary>A red or yellow task's title with the reason for its light: "Marine ranch (24 points behind expected progress)".</summary>
    private string BriefTaskText(BriefTask task, string locale)
    {
        string title = Localized(task.Title, task.TitleEn, locale);
        if (task.Reason is null)
        {
            return title;
        }

        (TextKey key, (string, object?)[] args) = Labels.ReasonText(task.Reason);
        return texts.Get(new TextKey("queries", "task-with-reason"), locale, ("title", title), ("reason", texts.Get(key, locale, args)));
    }
}
