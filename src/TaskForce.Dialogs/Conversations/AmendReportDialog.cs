using TaskForce.Core.Reports;
using TaskForce.Core.Tasks;
using TaskForce.Dialogs.Engine;
using TaskForce.Dialogs.Recognizers;
using TaskForce.Dialogs.Rendering;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Conversations;

internal enum AmendStep
{
    AskCorrection,
    Confirm,
}

internal sealed record AmendReportState(AmendStep Step, long TaskId, int? OldPercent, string? OldStatus, DateTimeOffset ReportedAt, int? Percent = null, string? Status = null, string Text = "");

/// <summary>改一下 / amend: corrects the member's last report, after showing it and confirming the correction.</summary>
internal sealed class AmendReportDialog(ReportService reports) : Dialog<AmendReportState>
{
    public const string DialogName = "amend-report";

    private const string Texts = ReportProgressDialog.DialogName;

    public override string Name => DialogName;

    protected override async Task<DialogStep<AmendReportState>> BeginAsync(DialogContext context, DialogSeed seed, CancellationToken cancellationToken)
    {
        LastReport? last = await ReportService.GetLastAsync(context.Session, context.Member.Id, cancellationToken);
        if (last is null)
        {
            context.Say(new TextKey(Texts, "amend-nothing"));
            return DialogStep<AmendReportState>.Done();
        }

        var state = new AmendReportState(AmendStep.AskCorrection, last.TaskId, last.Percent, last.Status, last.CreatedAt, Text: last.Text);
        RecognizedEntities entities = seed.Entities;
        return entities.Percent is null && entities.Status is null
            ? await AskAsync(context, state, cancellationToken)
            : await AskAsync(context, Apply(state, entities, context), cancellationToken);
    }

    protected override async Task<DialogStep<AmendReportState>> ContinueAsync(DialogContext context, AmendReportState state, CancellationToken cancellationToken)
    {
        RecognizedEntities entities = context.Recognition.Entities;
        if (entities.Percent is not null || entities.Status is not null)
        {
            return await AskAsync(context, Apply(state, entities, context), cancellationToken);
        }

        if (state.Step != AmendStep.Confirm)
        {
            return DialogStep<AmendReportState>.NotUnderstood();
        }

        switch (context.Recognition.Intent)
        {
            case Intent.Confirm:
                ReportResult result = await reports.AmendLastAsync(
                    context.Session, context.Member, new ReportDraft(state.TaskId, state.Percent, state.Status, state.Text), context.Today, cancellationToken);
                if (result is { Outcome: ReportOutcome.Saved, Task: TaskView task })
                {
                    context.Say(
                        task.Reason is null ? new TextKey(Texts, "amended") : new TextKey("report-progress", "amended-reason"),
                        ("task", task.LocalTitle(context.Locale)),
                        ("percent", Labels.Progress(context, task.Percent, task.Status)),
                        ("light", Labels.Light(context, task.Light)),
                        ("reason", task.Reason is null ? null : Labels.Reason(context, task.Reason)));
                }
                else
                {
                    context.Say(new TextKey(Texts, "amend-nothing"));
                }

                return DialogStep<AmendReportState>.Done();
            case Intent.Deny:
                context.Say(new TextKey("common", "cancelled"));
                return DialogStep<AmendReportState>.Done();
            default:
                return DialogStep<AmendReportState>.NotUnderstood();
        }
    }

    protected override Task PromptAsync(DialogContext context, AmendReportState state, CancellationToken cancellationToken)
    {
        TaskView? task = context.ReportableTasks.FirstOrDefault(t => t.Id == state.TaskId);
        if (state.Step == AmendStep.AskCorrection || task is null)
        {
            context.Say(new TextKey(Texts, "amend-ask"),
                ("task", task?.LocalTitle(context.Locale) ?? "?"),
                ("percent", Labels.Progress(context, state.OldPercent, state.OldStatus)),
                ("time", context.DateTime(state.ReportedAt)));
        }
        else
        {
            context.Say(ReportCards.Confirm(context, new TextKey(Texts, "amend-confirm-title"), task, state.Percent, state.Status, state.Text, null));
        }

        return Task.CompletedTask;
    }

    private static AmendReportState Apply(AmendReportState state, RecognizedEntities entities, DialogContext context) => state with
    {
        Step = AmendStep.Confirm,
        Percent = entities.Percent ?? (entities.Status is null ? state.OldPercent : null),
        Status = ReportProgressDialog.StatusValue(entities.Status),
        Text = CorrectionNote(context),
    };

    /// <summary>
    /// The note of the corrected report: what the correction says besides the command words ("change it: 80%, tender done" →
    /// "80%, tender done"). The old note described the old figure, so a bare correction to a figure leaves no note.
    /// </summary>
    private static string CorrectionNote(DialogContext context)
    {
        string note = IntentTable.Default.Without(Intent.AmendReport, context.Recognition.NormalizedText).Trim();
        return DialogHelpers.IsFigureOnly(note) ? string.Empty : string.Join(' ', note.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
