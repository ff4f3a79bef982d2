using System.Text.Json;
using TaskForce.Core.Members;
using TaskForce.Dialogs.Conversations;
using TaskForce.Dialogs.Recognizers;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Engine;

/// <summary>
/// Decides what a message does to the dialog stack: interruptions (help, cancel, back, language) work
/// anywhere; a question asked mid-dialog is answered and the dialog resumes; after three answers that
/// cannot be used the dialog explains what it expected and ends.
/// </summary>
internal sealed class DialogRouter(IEnumerable<IDialog> dialogs, QueryResponder queries, MeetingResponder meetings, BlockerActions blockerActions)
{
    private const int MaxMisunderstood = 3;

    private readonly Dictionary<string, IDialog> _dialogs = dialogs.ToDictionary(d => d.Name, StringComparer.Ordinal);

    public async Task RouteAsync(DialogContext context, DialogStack stack, CancellationToken cancellationToken)
    {
        Intent intent = context.Recognition.Intent;
        switch (intent)
        {
            case Intent.Cancel:
                context.Say(stack.Top is DialogFrame top && _dialogs.TryGetValue(top.Dialog, out IDialog? open)
                    ? open.CancelledText(top.State)
                    : new TextKey("common", stack.Frames.Count == 0 ? "nothing-to-cancel" : "cancelled"));
                stack.Frames.Clear();
                return;
            case Intent.Help:
                await HelpAsync(context, stack, cancellationToken);
                return;
            case Intent.SwitchLanguage when context.Recognition.Entities.Language is string language:
                await MemberStore.SetLocaleAsync(context.Session, context.Member.Id, language, cancellationToken);
                context.Locale = Locales.Resolve(language);
                context.Say(new TextKey("common", "language-switched"));
                await RepromptTopAsync(context, stack, cancellationToken);
                return;
            case Intent.Back:
                await BackAsync(context, stack, cancellationToken);
                return;
        }

        if (context.Command is Command command && command.Action is not (Command.Confirm or Command.Cancel))
        {
            await CommandAsync(context, stack, command, cancellationToken);
        }
        else if (stack.Top is DialogFrame frame)
        {
            await ContinueAsync(context, stack, frame, cancellationToken);
        }
        else
        {
            await StartAsync(context, stack, cancellationToken);
        }
    }

    private async Task StartAsync(DialogContext context, DialogStack stack, CancellationToken cancellationToken)
    {
        RecognizedEntities entities = context.Recognition.Entities;
        if (context.PreparedAnswer is { } answer)
        {
            context.Say(answer);
            return;
        }

        switch (context.Recognition.Intent)
        {
            case Intent.ReportProgress when IsDeadlineAlone(entities):
                await queries.AnswerAsync(context, stack, cancellationToken);
                break;
            case Intent.ReportProgress:
                await BeginAsync(context, stack, ReportProgressDialog.DialogName, DialogSeed.From(context.Recognition), cancellationToken);
                break;
            case Intent.EscalateBlocker:
                await BeginAsync(context, stack, EscalateBlockerDialog.DialogName, DialogSeed.From(context.Recognition), cancellationToken);
                break;
            case Intent.AmendReport:
                await BeginAsync(context, stack, AmendReportDialog.DialogName, DialogSeed.From(context.Recognition), cancellationToken);
                break;
            case Intent.QueryDeadlines or Intent.StatusQuestion:
                await queries.AnswerAsync(context, stack, cancellationToken);
                break;
            case Intent.NextMeeting:
                await meetings.AnswerAsync(context, cancellationToken);
                break;
            case Intent.PendingBlockers:
                await BlockerActions.ListPendingAsync(context, cancellationToken);
                break;
            case Intent.AcknowledgeBlocker or Intent.ResolveBlocker or Intent.CloseBlocker:
                if (await BlockerActions.PickAsync(context, context.Recognition.Intent, cancellationToken) is long blockerId)
                {
                    string action = context.Recognition.Intent switch
                    {
                        Intent.AcknowledgeBlocker => Command.Acknowledge,
                        Intent.ResolveBlocker => Command.Resolve,
                        _ => Command.Close,
                    };
                    await CommandAsync(context, stack, new Command(action, blockerId, null), cancellationToken);
                }

                break;
            case Intent.LinkAccount:
                context.Say(new TextKey("link", "already-linked"), ("name", context.Member.DisplayName(context.Locale)));
                break;
            case Intent.Greeting:
                context.Say(MainChoices.Ask(context, "greeting"));
                break;
            case Intent.Unclear:
                context.Say(MainChoices.Ask(context, "clarify"));
                break;
            default:
                if (entities.Percent is not null || entities.TaskIds.Count > 0 || entities.Status is not null)
                {
                    await BeginAsync(context, stack, ReportProgressDialog.DialogName, DialogSeed.From(context.Recognition), cancellationToken);
                }
                else
                {
                    // A button of a card whose question was answered, cancelled or timed out is not a misunderstanding.
                    context.Say(new TextKey("common", context.Command is null ? "fallback" : "card-stale"));
                }

                break;
        }
    }

    /// <summary>"Before next Monday" read as a report (by the language model): a date with nothing to report asks what is due then.</summary>
    private static bool IsDeadlineAlone(RecognizedEntities entities) =>
        entities.DueDate is not null && entities.DateScope != DateScope.None
        && entities.TaskIds.Count == 0 && entities.ListNumber is null
        && entities.Percent is null && entities.Status is null && entities.BlockerText is null && entities.Note is null;

    private async Task ContinueAsync(DialogContext context, DialogStack stack, DialogFrame frame, CancellationToken cancellationToken)
    {
        IDialog dialog = _dialogs[frame.Dialog];
        (StepKind kind, JsonElement? state, string? next, DialogSeed? seed) = await dialog.ContinueAsync(context, frame.State, cancellationToken);
        switch (kind)
        {
            case StepKind.Wait:
                frame.History.Add(frame.State);
                frame.State = state!.Value;
                frame.Misunderstood = 0;
                break;
            case StepKind.Done:
                stack.Frames.RemoveAt(stack.Frames.Count - 1);
                await ResumeAsync(context, stack, cancellationToken);
                break;
            case StepKind.Then:
                stack.Frames.RemoveAt(stack.Frames.Count - 1);
                await BeginAsync(context, stack, next!, seed!, cancellationToken);
                break;
            case StepKind.NotUnderstood when context.Recognition.Intent is Intent.QueryDeadlines or Intent.StatusQuestion or Intent.NextMeeting or Intent.PendingBlockers:
                // A question in the middle of a dialog: answer it, then ask the dialog's question again.
                if (context.Recognition.Intent == Intent.NextMeeting)
                {
                    await meetings.AnswerAsync(context, cancellationToken);
                }
                else if (context.Recognition.Intent == Intent.PendingBlockers)
                {
                    await BlockerActions.ListPendingAsync(context, cancellationToken);
                }
                else
                {
                    await queries.AnswerAsync(context, stack, cancellationToken);
                }

                context.Say(new TextKey("common", "resume"));
                await dialog.RepromptAsync(context, frame.State, cancellationToken);
                break;
            default:
                if (++frame.Misunderstood >= MaxMisunderstood)
                {
                    context.Say(new TextKey("common", "gave-up"), ("expected", context.T(ExpectedKey(frame.Dialog))));
                    stack.Frames.RemoveAt(stack.Frames.Count - 1);
                    break;
                }

                context.Say(new TextKey("common", "not-understood"));
                await dialog.RepromptAsync(context, frame.State, cancellationToken);
                break;
        }
    }

    private async Task CommandAsync(DialogContext context, DialogStack stack, Command command, CancellationToken cancellationToken)
    {
        switch (command.Action)
        {
            case Command.Report when command.Id is long taskId:
                stack.Frames.Clear();
                await BeginAsync(context, stack, ReportProgressDialog.DialogName, new DialogSeed(RecognizedEntities.Empty, TaskId: taskId), cancellationToken);
                return;
            case Command.Page:
                await queries.NextPageAsync(context, stack, cancellationToken);
                return;
            case Command.Acknowledge when command.Id is long id:
                await blockerActions.AcknowledgeAsync(context, id, cancellationToken);
                break;
            case Command.ConfirmResolved when command.Id is long id:
                await blockerActions.ConfirmAsync(context, id, cancellationToken);
                break;
            case Command.Close when command.Id is long id:
                await blockerActions.CloseAsync(context, id, cancellationToken);
                break;
            case Command.Resolve or Command.Consult or Command.ConsultReply when command.Id is long id:
                string kind = command.Action switch
                {
                    Command.Consult => nameof(BlockerNoteKind.Consultation),
                    Command.ConsultReply => nameof(BlockerNoteKind.ConsultationReply),
                    _ => nameof(BlockerNoteKind.Resolution),
                };
                await BeginAsync(context, stack, BlockerNoteDialog.DialogName, new DialogSeed(RecognizedEntities.Empty, BlockerId: id, Text: kind), cancellationToken);
                return;
            default:
                context.Say(new TextKey("common", "card-stale"));
                return;
        }

        await RepromptTopAsync(context, stack, cancellationToken);
    }

    private async Task BeginAsync(DialogContext context, DialogStack stack, string name, DialogSeed seed, CancellationToken cancellationToken)
    {
        (StepKind kind, JsonElement? state, string? next, DialogSeed? nextSeed) = await _dialogs[name].BeginAsync(context, seed, cancellationToken);
        if (kind == StepKind.Wait)
        {
            stack.Frames.Add(new DialogFrame { Dialog = name, State = state!.Value });
        }
        else if (kind == StepKind.Then)
        {
            await BeginAsync(context, stack, next!, nextSeed!, cancellationToken);
        }
    }

    private async Task HelpAsync(DialogContext context, DialogStack stack, CancellationToken cancellationToken)
    {
        context.Say(new TextKey("help", "staff"));
        if (context.Scope.IsLeader)
        {
            context.Say(new TextKey("help", "leader"));
        }

        if (stack.Top is DialogFrame frame)
        {
            context.Say(new TextKey("help", "in-dialog"), ("dialog", context.T(new TextKey("help", "dialog-" + frame.Dialog))));
            await _dialogs[frame.Dialog].RepromptAsync(context, frame.State, cancellationToken);
        }
    }

    private async Task BackAsync(DialogContext context, DialogStack stack, CancellationToken cancellationToken)
    {
        if (stack.Top is not DialogFrame frame || frame.History.Count == 0)
        {
            context.Say(new TextKey("common", "nothing-to-go-back"));
            await RepromptTopAsync(context, stack, cancellationToken);
            return;
        }

        frame.State = frame.History[^1];
        frame.History.RemoveAt(frame.History.Count - 1);
        frame.Misunderstood = 0;
        await _dialogs[frame.Dialog].RepromptAsync(context, frame.State, cancellationToken);
    }

    private async Task ResumeAsync(DialogContext context, DialogStack stack, CancellationToken cancellationToken)
    {
        if (stack.Top is not null)
        {
            context.Say(new TextKey("common", "resume"));
            await RepromptTopAsync(context, stack, cancellationToken);
        }
    }

    private async Task RepromptTopAsync(DialogContext context, DialogStack stack, CancellationToken cancellationToken)
    {
        if (stack.Top is DialogFrame frame)
        {
            await _dialogs[frame.Dialog].RepromptAsync(context, frame.State, cancellationToken);
        }
    }

    private static TextKey ExpectedKey(string dialog) => dialog switch
    {
        EscalateBlockerDialog.DialogName => new TextKey(EscalateBlockerDialog.DialogName, "expected"),
        BlockerNoteDialog.DialogName => new TextKey(BlockerActions.Texts, "expected"),
        _ => new TextKey(ReportProgressDialog.DialogName, "expected"),
    };
}
