using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaskForce.Core.Blockers;
using TaskForce.Dialogs.Rendering;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Proactive;

/// <summary>
/// The proactive messages of blocker changes: the owner's card with Acknowledge / Resolve / Ask a department,
/// and the updates to the reporter (with Confirm when it is resolved) or to the owner (with Close once confirmed).
/// </summary>
public sealed class BlockerNoticeRenderer(BlockerStore blockers, TextCatalog texts)
{
    private const string Texts = "blockers";

    public async Task<OutgoingMessage?> RenderAsync(string kind, long? blockerId, string payload, string locale, CancellationToken cancellationToken)
    {
        BlockerView? blocker = blockerId is long id ? await blockers.GetAsync(id, cancellationToken) : null;
        if (blocker is null)
        {
            return null;
        }

        if (kind == BlockerNotices.Assigned)
        {
            return Assigned(blocker, locale);
        }

        using JsonDocument document = JsonDocument.Parse(payload);
        JsonElement root = document.RootElement;
        string? @event = Field(root, "event");
        return @event switch
        {
            "consultation" when Field(root, "department") is string department => Consulted(blocker, root, department, locale),
            "consultation-reply" => ConsultationReply(blocker, root, locale),
            _ => Update(blocker, @event, locale),
        };
    }

    private OutgoingMessage Assigned(BlockerView blocker, string locale)
    {
        string title = T("assigned-title", locale);
        List<(string, string)> facts =
        [
            (texts.Get(new TextKey("report-progress", "field-task"), locale), blocker.LocalTaskTitle(locale)),
            (texts.Get(new TextKey("report-progress", "field-blocker"), locale), blocker.Text),
            (texts.Get(new TextKey("escalate-blocker", "field-severity"), locale), texts.Get(new TextKey("escalate-blocker", "severity-" + blocker.Severity), locale)),
            (T("field-raised-by", locale), blocker.RaisedByName),
            (T("field-level", locale), texts.Get(new TextKey("escalate-blocker", "level-" + blocker.Level.ToString(CultureInfo.InvariantCulture)), locale)),
        ];
        JsonNode[] actions =
        [
            Cards.Submit(T("action-ack", locale), Cards.Command("ack", blocker.Id)),
            Cards.Submit(T("action-resolve", locale), Cards.Command("resolve", blocker.Id)),
            Cards.Submit(T("action-consult", locale), Cards.Command("consult", blocker.Id)),
        ];
        var text = new StringBuilder(title);
        foreach ((string name, string value) in facts)
        {
            text.Append('\n').Append(name).Append(": ").Append(value);
        }

        return new OutgoingMessage(text.ToString())
        {
            Card = Cards.Card([Cards.Heading(title), Cards.Facts(facts)], actions),
            Buttons =
            [
                new MessageButton(T("action-ack", locale), "ack:" + Id(blocker)),
                new MessageButton(T("action-resolve", locale), "resolve:" + Id(blocker)),
                new MessageButton(T("action-consult", locale), "consult:" + Id(blocker)),
            ],
        };
    }

    private OutgoingMessage? Update(BlockerView blocker, string? @event, string locale)
    {
        string? key = @event switch
        {
            BlockerStates.Acknowledged => "update-acknowledged",
            BlockerStates.Resolved => "update-resolved",
            BlockerStates.Closed => "update-closed",
            "confirmed" => "update-confirmed",
            "consultation" => "update-consultation",
            _ => null,
        };
        if (key is null)
        {
            return null;
        }

        string text = texts.Get(new TextKey(Texts, key), locale, ("task", blocker.LocalTaskTitle(locale)), ("text", blocker.Text));
        (string Action, string Label)? button = @event switch
        {
            BlockerStates.Resolved => ("confirm-resolved", T("action-confirm", locale)),
            "confirmed" => ("close", T("action-close", locale)),
            _ => null,
        };
        return button is { } b
            ? new OutgoingMessage(text)
            {
                Card = Cards.Card([Cards.Text(text)], [Cards.Submit(b.Label, Cards.Command(b.Action, blocker.Id))]),
                Buttons = [new MessageButton(b.Label, b.Action + ":" + Id(blocker))],
            }
            : new OutgoingMessage(text);
    }

    /// <summary>To a consulted department's contact: the task, the problem and who asked, with a button to answer.</summary>
    private OutgoingMessage Consulted(BlockerView blocker, JsonElement payload, string department, string locale)
    {
        string text = texts.Get(
            new TextKey(Texts, "update-consultation-department"),
            locale,
            ("by", Localized(payload, "by", locale) ?? blocker.OwnerName ?? blocker.RaisedByName),
            ("department", Localized(payload, "department", locale) ?? department),
            ("task", blocker.LocalTaskTitle(locale)),
            ("text", blocker.Text),
            ("id", Id(blocker)));
        string answer = T("action-consult-reply", locale);
        return new OutgoingMessage(text)
        {
            Card = Cards.Card([Cards.Text(text)], [Cards.Submit(answer, Cards.Command("consult-reply", blocker.Id))]),
            Buttons = [new MessageButton(answer, "consult-reply:" + Id(blocker))],
        };
    }

    /// <summary>To whoever asked for the consultation, the owner and the reporter: what the department answered.</summary>
    private OutgoingMessage ConsultationReply(BlockerView blocker, JsonElement payload, string locale) =>
        new(texts.Get(
            new TextKey(Texts, "update-consultation-reply"),
            locale,
            ("department", Localized(payload, "department", locale) ?? string.Empty),
            ("by", Localized(payload, "by", locale) ?? string.Empty),
            ("task", blocker.LocalTaskTitle(locale)),
            ("text", blocker.Text),
            ("reply", Field(payload, "reply") ?? string.Empty)));

    /// <summary>The payload's English field (<c>nameEn</c>) for English readers when it has one, else the field itself.</summary>
    private static string? Localized(JsonElement payload, string name, string locale) =>
        (locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Field(payload, name + "En") : null) ?? Field(payload, name);

    private static string? Field(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private string T(string key, string locale) => texts.Get(new TextKey(Texts, key), locale);

    private static string Id(BlockerView blocker) => blocker.Id.ToString(CultureInfo.InvariantCulture);
}
