using TaskForce.Core.Members;
using TaskForce.Dialogs.Language;
using TaskForce.Dialogs.Recognizers;
using TaskForce.Dialogs.Rendering;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Engine;

/// <summary>
/// Where the optional language model enters a turn. The rules read every message first; short control
/// answers (confirm, cancel, a number, a button) never go to the model. Free text goes to the model when it is
/// configured, and a leader's open question is answered from scoped read-only tools. Any failure falls back
/// to the rules with a one-line note, so the user always gets an answer.
/// </summary>
internal sealed class LanguageFront(LanguageModelStatus status, ModelRecognizer recognizer, GroundedAnswerer answerer, TextCatalog texts)
{
    public sealed record Result(Recognition Recognition, OutgoingMessage? Answer, OutgoingMessage? Note, TokenUsage Usage);

    public bool Active => status.Active;

    public async Task<Result> ReadAsync(
        Member member, string text, Recognition rules, RecognitionContext context, string locale, CancellationToken cancellationToken)
    {
        if (!status.Active || IsControl(rules))
        {
            return new Result(rules, null, null, TokenUsage.None);
        }

        if (member.IsLeader && IsOpenQuestion(rules))
        {
            ModelOutcome<GroundedAnswer> answer = await answerer.AnswerAsync(member, text, locale, context.Today, cancellationToken);
            return answer.Succeeded
                ? new Result(rules, Answer(answer.Value!, locale), null, answer.Usage ?? TokenUsage.None)
                : new Result(rules, null, Note(locale), answer.Usage ?? TokenUsage.None);
        }

        ModelOutcome<Recognition> read = await recognizer.RecognizeAsync(text, context, cancellationToken);
        return read.Succeeded
            ? new Result(Merge(read.Value!, rules), null, null, read.Usage ?? TokenUsage.None)
            : new Result(rules, null, read.Fallback == FallbackReason.NotConfigured ? null : Note(locale), read.Usage ?? TokenUsage.None);
    }

    private static bool IsControl(Recognition rules) =>
        rules.Intent is Intent.Help or Intent.Cancel or Intent.Back or Intent.SwitchLanguage or Intent.Confirm or Intent.Deny or Intent.LinkAccount
            or Intent.AcknowledgeBlocker or Intent.ResolveBlocker or Intent.CloseBlocker or Intent.PendingBlockers or Intent.NextMeeting
        || (rules.Entities.ListNumber is not null && rules.Entities.Percent is null && rules.Entities.TaskIds.Count <= 1 && rules.NormalizedText.Length <= 4);

    /// <summary>A question the rules could only read as "some status" with nothing to narrow it.</summary>
    private static bool IsOpenQuestion(Recognition rules) =>
        rules.Intent is Intent.None or Intent.StatusQuestion or Intent.QueryDeadlines
        && rules.Entities.TaskIds.Count == 0 && rules.Entities.CampaignIds.Count == 0 && rules.Entities.DepartmentIds.Count == 0
        && rules.Entities.DateScope == DateScope.None && rules.Entities.Percent is null;

    /// <summary>The model's reading, with anything it missed that the rules found (a number, a link code).</summary>
    private static Recognition Merge(Recognition model, Recognition rules) => model.Intent == Intent.None && rules.Intent != Intent.None
        ? rules
        : model with { Entities = model.Entities with { ListNumber = model.Entities.ListNumber ?? rules.Entities.ListNumber } };

    private OutgoingMessage Answer(GroundedAnswer answer, string locale) => new(answer.Sources.Count == 0
        ? answer.Text
        : answer.Text + "\n" + texts.Get(LanguageTexts.Sources, locale, ("sources", string.Join(locale == Locales.English ? "; " : "；", answer.Sources))));

    private OutgoingMessage Note(string locale) => new(texts.Get(LanguageTexts.FallbackNote, locale));
}
