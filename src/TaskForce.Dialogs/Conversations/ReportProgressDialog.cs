using System.Diagnostics;
using System.Globalization;
using TaskForce.Core.Reports;
using TaskForce.Core.Tasks;
using TaskForce.Dialogs.Engine;
using TaskForce.Dialogs.Recognizers;
using TaskForce.Dialogs.Rendering;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Conversations;

internal enum ReportStep
{
    ChooseTask,
    AskProgress,
    Confirm,
    OfferEscalate,
}

internal sealed record ReportProgressState(
    ReportStep Step,
    IReadOnlyList<long>? Choices = null,
    long TaskId = 0,
    int? Percent = null,
    string? Status = null,
    string Text = "",
    string? BlockerText = null,
    IReadOnlyList<int>? Offered = null);

/// <summary>
/// 汇报进度: fills what one message gave (task, percent, status, note, blocker), asks only for what is
/// missing, confirms, saves durably, answers with the new traffic light and offers to escalate a blocker.
/// </summary>
internal sealed class ReportProgressDialog(ReportService reports) : Dialog<ReportProgressState>
{
    public const string DialogName = "report-progress";

    public override string Name => DialogName;

    protected override async Task<DialogStep<ReportProgressState>> BeginAsync(DialogContext context, DialogSeed seed, CancellationToken cancellationToken)
    {
        if (context.ReportableTasks.Count == 0)
        {
            context.Say(Key("no-tasks"));
            return DialogStep<ReportProgressState>.Done();
        }

        RecognizedEntities entities = seed.Entities;
        var state = new ReportProgressState(
            ReportStep.ChooseTask,
            Percent: entities.Percent,
            Status: StatusValue(entities.Status),
            Text: context.Input.Text.Trim(),
            BlockerText: entities.BlockerText,
            Offered: entities.VagueChoices);
        if (entities.Percent is null && entities.Status is null && entities.VagueChoices is null && entities.BlockerText is null && entities.TaskIds.Count == 0 && seed.TaskId is null)
        {
            // A bare report command word starts the dialog; it is not the note of the report.
            state = state with { Text = string.Empty };
        }
        if (seed.TaskId is long seeded && context.FindReportable(seeded) is null)
        {
            // A card button or typed value naming a task this member cannot report on.
            context.SayNotFoundOrNotYours();
            return DialogStep<ReportProgressState>.Done();
        }

        long[] matched = seed.TaskId is long id ? [id] : [.. entities.TaskIds.Where(t => context.FindReportable(t) is not null)];
        if (matched.Length == 0 && context.ReportableTasks.Count == 1 && DialogHelpers.RefusedTask(context, entities) is null)
        {
            // One task only: there is nothing to choose.
            matched = [context.ReportableTasks[0].Id];
        }

        if (matched.Length == 0 && entities.ListNumber is int number && number >= 1 && number <= context.ReportableTasks.Count)
        {
            matched = [context.ReportableTasks[number - 1].Id];
        }

        if (matched.Length == 0 && DialogHelpers.RefusedTask(context, entities) is { } foreign)
        {
            NotAllowed(context, foreign);
            return DialogStep<ReportProgressState>.Done();
        }

        return matched.Length == 1
            ? await NextAsync(context, state with { TaskId = matched[0] }, cancellationToken)
            : await AskAsync(context, state with { Choices = matched.Length > 1 ? matched : null }, cancellationToken);
    }

    protected override async Task<DialogStep<ReportProgressState>> ContinueAsync(DialogContext context, ReportProgressState state, CancellationToken cancellationToken)
    {
        RecognizedEntities entities = context.Recognition.Entities;
        switch (state.Step)
        {
            case ReportStep.ChooseTask:
                long? chosen = DialogHelpers.PickTask(context, state.Choices, entities);
                return chosen is null
                    ? DialogStep<ReportProgressState>.NotUnderstood()
                    : await NextAsync(context, Merge(state, entities, context) with { TaskId = chosen.Value }, cancellationToken);
            case ReportStep.AskProgress when entities.Percent is null && entities.Status is null && entities.VagueChoices is { } vague:
                // Another vague amount: ask again with the buttons that fit it.
                return await AskAsync(context, state with { Offered = vague }, cancellationToken);
            case ReportStep.AskProgress:
                return entities.Percent is null && entities.Status is null
                    ? DialogStep<ReportProgressState>.NotUnderstood()
                    : await NextAsync(context, Merge(state, entities, context), cancellationToken);
            case ReportStep.Confirm:
                if (context.Recognition.Intent == Intent.Confirm)
                {
                    return await SaveAsync(context, state, cancellationToken);
                }

                return entities.Percent is not null || entities.Status is not null
                    ? await AskAsync(context, Merge(state, entities, context), cancellationToken)
                    : Declined(context, context.Recognition.Intent == Intent.Deny, Key("not-escalated"), cancelled: true);
            case ReportStep.OfferEscalate:
                return context.Recognition.Intent switch
                {
                    Intent.Confirm => DialogStep<ReportProgressState>.Then(
                        EscalateBlockerDialog.DialogName, new DialogSeed(RecognizedEntities.Empty, state.TaskId, Text: state.BlockerText)),
                    Intent.Deny => Declined(context, true, Key("not-escalated"), cancelled: false),
                    _ => DialogStep<ReportProgressState>.NotUnderstood(),
                };
            default:
                throw new UnreachableException();
        }
    }

    protected override Task PromptAsync(DialogContext context, ReportProgressState state, CancellationToken cancellationToken)
    {
        switch (state.Step)
        {
            case ReportStep.ChooseTask:
                IReadOnlyList<TaskView> options = DialogHelpers.TaskOptions(context, state.Choices);
                context.Say(Choices.Tasks(context, Key(state.Choices is null ? "choose-task" : "choose-among"), options));
                break;
            case ReportStep.AskProgress when state.Offered is { Count: > 0 } offered:
                context.Say(new OutgoingMessage(context.T(Key("ask-progress-vague"), ("task", Title(context, state.TaskId))))
                {
                    Buttons = [.. offered.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p}%")).Select(p => new MessageButton(p, p))],
                });
                break;
            case ReportStep.AskProgress:
                context.Say(Key("ask-progress"), ("task", Title(context, state.TaskId)));
                break;
            case ReportStep.Confirm:
                if (context.FindReportable(state.TaskId) is { } confirming)
                {
                    context.Say(ReportCards.Confirm(context, Key("confirm-title"), confirming, state.Percent, state.Status, state.Text, state.BlockerText));
                }
                else
                {
                    context.SayNotFoundOrNotYours();
                }

                break;
            case ReportStep.OfferEscalate:
                context.Say(Choices.YesNo(context, context.T(Key("offer-escalate"), ("blocker", state.BlockerText))));
                break;
        }

        return Task.CompletedTask;
    }

    private async Task<DialogStep<ReportProgressState>> NextAsync(DialogContext context, ReportProgressState state, CancellationToken cancellationToken) =>
        await AskAsync(context, state with { Step = state.Percent is null && state.Status is null ? ReportStep.AskProgress : ReportStep.Confirm }, cancellationToken);

    private async Task<DialogStep<ReportProgressState>> SaveAsync(DialogContext context, ReportProgressState state, CancellationToken cancellationToken)
    {
        ReportResult result = await reports.SaveAsync(
            context.Session, context.Member, new ReportDraft(state.TaskId, state.Percent, state.Status, state.Text),
            context.Input.ChannelId, context.Input.ActivityId, context.Today, cancellationToken);
        TaskView? task = result.Task;
        switch (result.Outcome)
        {
            case ReportOutcome.Saved when task is not null:
                context.Say(task.Reason is null ? Key("saved") : Key("saved-reason"),
                    ("task", task.LocalTitle(context.Locale)),
                    ("percent", Labels.Progress(context, task.Percent, task.Status)),
                    ("light", Labels.Light(context, task.Light)),
                    ("reason", task.Reason is null ? null : Labels.Reason(context, task.Reason)),
                    ("expected", task.ExpectedPercent(context.Today)));
                return string.IsNullOrWhiteSpace(state.BlockerText)
                    ? DialogStep<ReportProgressState>.Done()
                    : await AskAsync(context, state with { Step = ReportStep.OfferEscalate }, cancellationToken);
            case ReportOutcome.TaskClosed when task is not null:
                context.Say(Key("task-closed"), ("task", task.LocalTitle(context.Locale)));
                return DialogStep<ReportProgressState>.Done();
            default:
                NotAllowed(context, task);
                return DialogStep<ReportProgressState>.Done();
        }
    }

    private static void NotAllowed(DialogContext context, TaskView? task)
    {
        if (task is not null && context.MayName(task))
        {
            context.Say(Key("not-allowed"), ("task", task.LocalTitle(context.Locale)), ("owner", task.OwnerName));
        }
        else
        {
            context.SayNotFoundOrNotYours();
        }
    }

    // The report is saved before the offer to escalate: "cancel" there declines the escalation, it undoes nothing.
    protected override TextKey CancelledText(ReportProgressState state) =>
        state.Step == ReportStep.OfferEscalate ? Key("not-escalated") : base.CancelledText(state);

    private static DialogStep<ReportProgressState> Declined(DialogContext context, bool understood, TextKey key, bool cancelled)
    {
        if (!understood)
        {
            return DialogStep<ReportProgressState>.NotUnderstood();
        }

        context.Say(cancelled ? new TextKey("common", "cancelled") : key);
        return DialogStep<ReportProgressState>.Done();
    }

    private static ReportProgressState Merge(ReportProgressState state, RecognizedEntities entities, DialogContext context)
    {
        string text = context.Input.Text.Trim();
        bool onlyNumber = (entities.ListNumber is not null && entities.Percent is null && entities.Status is null) || DialogHelpers.IsFigureOnly(text);
        return state with
        {
            Percent = entities.Percent ?? state.Percent,
            Status = StatusValue(entities.Status) ?? state.Status,
            BlockerText = entities.BlockerText ?? state.BlockerText,
            Offered = entities.Percent is null && entities.Status is null ? entities.VagueChoices ?? state.Offered : null,
            Text = onlyNumber || text.Length == 0 ? state.Text : (state.Text.Length == 0 ? text : state.Text + "\n" + text),
        };
    }

    internal static string? StatusValue(ReportStatus? status) => status switch
    {
        ReportStatus.NotStarted => ReportStatuses.NotStarted,
        ReportStatus.InProgress => ReportStatuses.InProgress,
        ReportStatus.OnTrack => ReportStatuses.OnTrack,
        ReportStatus.Behind => ReportStatuses.Behind,
        ReportStatus.Done => ReportStatuses.Done,
        _ => null,
    };

    private static string Title(DialogContext context, long taskId) => context.FindReportable(taskId)?.LocalTitle(context.Locale) ?? "?";

    private static TextKey Key(string name) => new(DialogName, name);
}
