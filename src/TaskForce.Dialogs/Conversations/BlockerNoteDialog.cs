using TaskForce.Core.Blockers;
using TaskForce.Core.Campaigns;
using TaskForce.Dialogs.Engine;
using TaskForce.Dialogs.Recognizers;
using TaskForce.Dialogs.Rendering;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Conversations;

internal enum BlockerNoteKind
{
    Resolution,
    Consultation,

    /// <summary>A consulted department's answer, from the button on its consultation notice.</summary>
    ConsultationReply,
}

internal sealed record BlockerNoteState(BlockerNoteKind Kind, long BlockerId, string TaskTitle, string? Department = null);

/// <summary>
/// One question about a blocker: the resolution note (已解决), the department to consult (会商), or a consulted
/// department's answer.
/// </summary>
internal sealed class BlockerNoteDialog(BlockerService blockers) : Dialog<BlockerNoteState>
{
    public const string DialogName = "blocker-note";

    public override string Name => DialogName;

    protected override async Task<DialogStep<BlockerNoteState>> BeginAsync(DialogContext context, DialogSeed seed, CancellationToken cancellationToken)
    {
        BlockerView? blocker = seed.BlockerId is long id ? await BlockerStore.GetAsync(context.Session, id, cancellationToken) : null;
        if (Enum.TryParse(seed.Text, out BlockerNoteKind asked) && asked == BlockerNoteKind.ConsultationReply)
        {
            return await BeginReplyAsync(context, blocker, cancellationToken);
        }

        if (blocker is null || !BlockerService.CanSee(context.Member, blocker))
        {
            // The same words for an id that does not exist and one outside the member's scope: no title, no hint.
            context.Say(Key("not-found"));
            return DialogStep<BlockerNoteState>.Done();
        }

        if (!BlockerService.CanHandle(context.Member, blocker))
        {
            context.Say(Key("not-allowed"));
            return DialogStep<BlockerNoteState>.Done();
        }

        var kind = seed.Text == nameof(BlockerNoteKind.Consultation) ? BlockerNoteKind.Consultation : BlockerNoteKind.Resolution;
        if (kind == BlockerNoteKind.Resolution && blocker.State is BlockerStates.Resolved or BlockerStates.Closed)
        {
            // Asking for a note that cannot be saved would waste the member's typing.
            context.Say(Key(blocker.State == BlockerStates.Closed ? "already-closed" : "already-resolved"), ("task", blocker.LocalTaskTitle(context.Locale)), ("text", blocker.Text));
            return DialogStep<BlockerNoteState>.Done();
        }

        return await AskAsync(context, new BlockerNoteState(kind, blocker.Id, blocker.LocalTaskTitle(context.Locale)), cancellationToken);
    }

    /// <summary>Only a member of a department asked to consult may answer, and not once the blocker is closed.</summary>
    private async Task<DialogStep<BlockerNoteState>> BeginReplyAsync(DialogContext context, BlockerView? blocker, CancellationToken cancellationToken)
    {
        BlockerConsultation? consultation = blocker is null ? null : await BlockerService.ConsultationOfAsync(context.Session, context.Member, blocker.Id, cancellationToken);
        if (blocker is null || consultation is null)
        {
            context.Say(Key(blocker is not null && BlockerService.CanSee(context.Member, blocker) ? "not-consulted" : "not-found"));
            return DialogStep<BlockerNoteState>.Done();
        }

        if (blocker.State == BlockerStates.Closed)
        {
            context.Say(Key("already-closed"), ("task", blocker.LocalTaskTitle(context.Locale)), ("text", blocker.Text));
            return DialogStep<BlockerNoteState>.Done();
        }

        var state = new BlockerNoteState(BlockerNoteKind.ConsultationReply, blocker.Id, blocker.LocalTaskTitle(context.Locale), consultation.LocalDepartment(context.Locale));
        return await AskAsync(context, state, cancellationToken);
    }

    protected override async Task<DialogStep<BlockerNoteState>> ContinueAsync(DialogContext context, BlockerNoteState state, CancellationToken cancellationToken)
    {
        string text = context.Input.Text.Trim();
        if (state.Kind is BlockerNoteKind.Resolution or BlockerNoteKind.ConsultationReply)
        {
            if (text.Length == 0)
            {
                return DialogStep<BlockerNoteState>.NotUnderstood();
            }

            BlockerResult noted = state.Kind == BlockerNoteKind.Resolution
                ? await blockers.ResolveAsync(context.Session, context.Member, state.BlockerId, text, cancellationToken)
                : await blockers.ReplyToConsultationAsync(context.Session, context.Member, state.BlockerId, text, cancellationToken);
            BlockerActions.Reply(context, noted, state.Kind == BlockerNoteKind.Resolution ? "resolved" : "consultation-replied", "already-resolved");
            return DialogStep<BlockerNoteState>.Done();
        }

        RecognizedEntities entities = context.Recognition.Entities;
        if (entities.HasUnsettledDepartments)
        {
            // Nothing is recorded until every name is one the roster knows, and knows as one department.
            context.Say(new OutgoingMessage(DepartmentNames.Unsettled(context, Key("unknown-departments"), entities.UnknownDepartments, entities.AmbiguousDepartments)));
            return DialogStep<BlockerNoteState>.Wait(state);
        }

        IReadOnlyList<NamedEntity> departments = DepartmentNames.Resolve(context, entities.DepartmentIds);
        if (departments.Count == 0)
        {
            return DialogStep<BlockerNoteState>.NotUnderstood();
        }

        BlockerResult result = await blockers.RequestConsultationAsync(
            context.Session, context.Member, state.BlockerId, [.. departments.Select(d => new ConsultedDepartment(d.Id, d.Name, d.NameEn))], cancellationToken);
        if (result.Outcome == BlockerOutcome.Done)
        {
            context.Say(Key("consultation-requested"), ("department", DepartmentNames.Join(context, departments.Select(d => d.LocalName(context.Locale)))));
        }
        else
        {
            BlockerActions.Reply(context, result, "consultation-requested", "wrong-state");
        }

        return DialogStep<BlockerNoteState>.Done();
    }

    protected override Task PromptAsync(DialogContext context, BlockerNoteState state, CancellationToken cancellationToken)
    {
        if (state.Kind == BlockerNoteKind.Resolution)
        {
            context.Say(Key("ask-resolution"), ("task", state.TaskTitle));
        }
        else if (state.Kind == BlockerNoteKind.ConsultationReply)
        {
            context.Say(Key("ask-consultation-reply"), ("task", state.TaskTitle), ("department", state.Department ?? string.Empty));
        }
        else
        {
            context.Say(Key("ask-department"));
        }

        return Task.CompletedTask;
    }

    private static TextKey Key(string name) => new(BlockerActions.Texts, name);
}
