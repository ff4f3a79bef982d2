using System.Diagnostics;
using TaskForce.Core.Blockers;
using TaskForce.Core.Tasks;
using TaskForce.Dialogs.Engine;
using TaskForce.Dialogs.Recognizers;
using TaskForce.Dialogs.Rendering;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Conversations;

internal enum EscalateStep
{
    ChooseTask,
    AskText,
    AskSeverity,
    AskDepartments,
    Confirm,
}

internal sealed record EscalateBlockerState(
    EscalateStep Step,
    IReadOnlyList<long>? Choices = null,
    long TaskId = 0,
    string? Text = null,
    string? Severity = null,
    IReadOnlyList<long>? DepartmentIds = null,
    IReadOnlyList<string>? UnknownDepartments = null,
    IReadOnlyList<AmbiguousName>? AmbiguousDepartments = null);

/// <summary>上报问题: the task, what is wrong, how urgent, which departments must help (会商); then routed to the team leader.</summary>
internal sealed class EscalateBlockerDialog(BlockerService blockers) : Dialog<EscalateBlockerState>
{
    public const string DialogName = "escalate-blocker";

    private static readonly string[] s_severities = [Severities.Critical, Severities.High, Severities.Medium, Severities.Low];

    public override string Name => DialogName;

    protected override async Task<DialogStep<EscalateBlockerState>> BeginAsync(DialogContext context, DialogSeed seed, CancellationToken cancellationToken)
    {
        if (context.ReportableTasks.Count == 0)
        {
            context.Say(new TextKey(ReportProgressDialog.DialogName, "no-tasks"));
            return DialogStep<EscalateBlockerState>.Done();
        }

        RecognizedEntities entities = seed.Entities;
        if (seed.TaskId is long seeded && context.FindReportable(seeded) is null)
        {
            context.SayNotFoundOrNotYours();
            return DialogStep<EscalateBlockerState>.Done();
        }

        long[] matched = seed.TaskId is long id ? [id] : [.. entities.TaskIds.Where(t => context.FindReportable(t) is not null)];
        if (matched.Length == 0 && context.ReportableTasks.Count == 1 && DialogHelpers.RefusedTask(context, entities) is null)
        {
            // One task only: there is nothing to choose.
            matched = [context.ReportableTasks[0].Id];
        }

        if (matched.Length == 0 && DialogHelpers.RefusedTask(context, entities) is not null)
        {
            context.Say(Key("not-allowed"));
            return DialogStep<EscalateBlockerState>.Done();
        }

        var state = new EscalateBlockerState(
            EscalateStep.ChooseTask,
            Choices: matched.Length > 1 ? matched : null,
            TaskId: matched.Length == 1 ? matched[0] : 0,
            Text: seed.Text ?? entities.BlockerText,
            Severity: SeverityValue(entities.Severity),
            // A name the roster does not know keeps the question open, so no department is silently dropped.
            DepartmentIds: entities.DepartmentIds.Count > 0 && !entities.HasUnsettledDepartments ? entities.DepartmentIds : null,
            UnknownDepartments: entities.UnknownDepartments.Count > 0 ? entities.UnknownDepartments : null,
            AmbiguousDepartments: entities.AmbiguousDepartments.Count > 0 ? entities.AmbiguousDepartments : null);
        return await AskAsync(context, Advance(state), cancellationToken);
    }

    protected override async Task<DialogStep<EscalateBlockerState>> ContinueAsync(DialogContext context, EscalateBlockerState state, CancellationToken cancellationToken)
    {
        RecognizedEntities entities = context.Recognition.Entities;
        string text = context.Input.Text.Trim();
        EscalateBlockerState? next = state.Step switch
        {
            EscalateStep.ChooseTask => DialogHelpers.PickTask(context, state.Choices, entities) is long task ? state with { TaskId = task } : null,
            EscalateStep.AskText => text.Length > 0 ? state with { Text = text, Severity = SeverityValue(entities.Severity) ?? state.Severity } : null,
            EscalateStep.AskSeverity => SeverityValue(entities.Severity) is string severity ? state with { Severity = severity } : null,
            EscalateStep.AskDepartments when entities.HasUnsettledDepartments =>
                state with { UnknownDepartments = entities.UnknownDepartments, AmbiguousDepartments = entities.AmbiguousDepartments },
            EscalateStep.AskDepartments => Departments(context, entities, text) is { } departments
                ? state with { DepartmentIds = departments, UnknownDepartments = null, AmbiguousDepartments = null }
                : null,
            EscalateStep.Confirm => null,
            _ => throw new UnreachableException(),
        };
        if (state.Step == EscalateStep.Confirm)
        {
            return context.Recognition.Intent switch
            {
                Intent.Confirm => await RaiseAsync(context, state, cancellationToken),
                Intent.Deny => Cancelled(context),
                _ => DialogStep<EscalateBlockerState>.NotUnderstood(),
            };
        }

        return next is null ? DialogStep<EscalateBlockerState>.NotUnderstood() : await AskAsync(context, Advance(next), cancellationToken);
    }

    protected override Task PromptAsync(DialogContext context, EscalateBlockerState state, CancellationToken cancellationToken)
    {
        switch (state.Step)
        {
            case EscalateStep.ChooseTask:
                IReadOnlyList<TaskView> options = DialogHelpers.TaskOptions(context, state.Choices);
                context.Say(Choices.Tasks(context, Key("choose-task"), options));
                break;
            case EscalateStep.AskText:
                context.Say(Key("ask-text"));
                break;
            case EscalateStep.AskSeverity:
                context.Say(new OutgoingMessage(context.T(Key("ask-severity")))
                {
                    Buttons = [.. s_severities.Select(s => new MessageButton(context.T(Key("severity-" + s)), context.T(Key("severity-" + s))))],
                });
                break;
            case EscalateStep.AskDepartments:
                string ask = state.UnknownDepartments is { Count: > 0 } || state.AmbiguousDepartments is { Count: > 0 }
                    ? DepartmentNames.Unsettled(context, Key("unknown-departments"), state.UnknownDepartments, state.AmbiguousDepartments)
                    : context.T(Key("ask-departments"));
                context.Say(new OutgoingMessage(ask)
                {
                    Buttons = [new MessageButton(context.T(Key("skip-word")), context.T(Key("skip-word")))],
                });
                break;
            case EscalateStep.Confirm:
                context.Say(BlockerCards.Confirm(context, state.TaskId, state.Text ?? string.Empty, state.Severity ?? Severities.Medium, state.DepartmentIds ?? []));
                break;
        }

        return Task.CompletedTask;
    }

    private async Task<DialogStep<EscalateBlockerState>> RaiseAsync(DialogContext context, EscalateBlockerState state, CancellationToken cancellationToken)
    {
        BlockerResult result = await blockers.RaiseAsync(
            context.Session, context.Member, new BlockerDraft(state.TaskId, state.Text!, state.Severity!, state.DepartmentIds ?? []), cancellationToken);
        if (result is { Outcome: BlockerOutcome.Done, Blocker: { } blocker })
        {
            if (blocker.OwnerName is null)
            {
                context.Say(Key("raised-no-owner"));
            }
            else
            {
                (string Name, object? Value)[] args =
                [
                    ("task", blocker.LocalTaskTitle(context.Locale)),
                    ("owner", blocker.OwnerName),
                    ("level", context.T(Key("level-" + blocker.Level.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
                    ("copied", result.CopiedTo is { } copied ? (context.IsEnglish && copied.NameEn is { Length: > 0 } en ? en : copied.Name) : null),
                ];
                // "Went to X" only when X can receive it now; otherwise say it waits for X and who was copied.
                string key = !result.OwnerNotYetReachable ? "raised" : result.CopiedTo is null ? "raised-awaiting-owner" : "raised-awaiting-owner-copied";
                context.Say(Key(key), args);
            }
        }
        else
        {
            context.Say(Key("not-allowed"));
        }

        return DialogStep<EscalateBlockerState>.Done();
    }

    private static DialogStep<EscalateBlockerState> Cancelled(DialogContext context)
    {
        context.Say(new TextKey("common", "cancelled"));
        return DialogStep<EscalateBlockerState>.Done();
    }

    /// <summary>Moves to the first question the state cannot answer yet.</summary>
    private static EscalateBlockerState Advance(EscalateBlockerState state) => state switch
    {
        { TaskId: 0 } => state with { Step = EscalateStep.ChooseTask },
        { Text: null or "" } => state with { Step = EscalateStep.AskText },
        { Severity: null } => state with { Step = EscalateStep.AskSeverity },
        { DepartmentIds: null } => state with { Step = EscalateStep.AskDepartments },
        _ => state with { Step = EscalateStep.Confirm },
    };

    private static IReadOnlyList<long>? Departments(DialogContext context, RecognizedEntities entities, string text)
    {
        if (entities.DepartmentIds.Count > 0)
        {
            return entities.DepartmentIds;
        }

        bool skip = context.Recognition.Intent == Intent.Deny
            || string.Equals(text, context.T(Key("skip-word")), StringComparison.OrdinalIgnoreCase);
        return skip ? [] : null;
    }

    internal static string? SeverityValue(Severity? severity) => severity switch
    {
        Severity.Low => Severities.Low,
        Severity.Medium => Severities.Medium,
        Severity.High => Severities.High,
        Severity.Critical => Severities.Critical,
        _ => null,
    };

    private static TextKey Key(string name) => new(DialogName, name);
}
