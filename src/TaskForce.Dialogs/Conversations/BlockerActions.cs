using TaskForce.Core.Blockers;
using TaskForce.Dialogs.Engine;
using TaskForce.Dialogs.Recognizers;
using TaskForce.Dialogs.Rendering;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Conversations;

/// <summary>
/// One-tap blocker actions from cards and short commands: acknowledge (签收), confirm resolved, close (销号), and the
/// list of what waits for the member. Resolving and consulting need one more answer and start <see cref="BlockerNoteDialog"/>.
/// </summary>
internal sealed class BlockerActions(BlockerService blockers)
{
    public const string Texts = "blockers";

    public async Task AcknowledgeAsync(DialogContext context, long blockerId, CancellationToken cancellationToken) =>
        Reply(context, await blockers.AcknowledgeAsync(context.Session, context.Member, blockerId, cancellationToken), "acknowledged", "already-acknowledged");

    public async Task ConfirmAsync(DialogContext context, long blockerId, CancellationToken cancellationToken) =>
        Reply(context, await blockers.ConfirmAsync(context.Session, context.Member, blockerId, cancellationToken), "confirmed", "already-confirmed");

    public async Task CloseAsync(DialogContext context, long blockerId, CancellationToken cancellationToken)
    {
        BlockerResult result = await blockers.CloseAsync(context.Session, context.Member, blockerId, cancellationToken);
        if (result is { Outcome: BlockerOutcome.WrongState, Blocker.State: BlockerStates.Resolved })
        {
            context.Say(new TextKey(Texts, "not-confirmed-yet"));
            return;
        }

        Reply(context, result, "closed", "already-closed");
    }

    /// <summary>A question about what waits (待签收的问题, what's waiting for me): the list with a button per blocker; it never acts.</summary>
    public static async Task ListPendingAsync(DialogContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<(BlockerView Blocker, BlockerTodo Todo)> pending = await PendingAsync(context, cancellationToken);
        if (pending.Count == 0)
        {
            context.Say(new TextKey(Texts, "none-open"));
            return;
        }

        context.Say(PendingBlockerCards.List(context, context.T(new TextKey(Texts, "pending-title")), null, pending));
    }

    /// <summary>
    /// A bare 签收 / 已解决 / 销号: the only blocker that fits, named for resolving (acknowledging and closing name it in
    /// their answer); otherwise null after offering the choice, or after saying that none fits and what else waits.
    /// </summary>
    public static async Task<long?> PickAsync(DialogContext context, Intent intent, CancellationToken cancellationToken)
    {
        IReadOnlyList<(BlockerView Blocker, BlockerTodo Todo)> pending = await PendingAsync(context, cancellationToken);
        (BlockerTodo todo, string noneKey) = intent switch
        {
            Intent.AcknowledgeBlocker => (BlockerTodo.Acknowledge, "none-to-ack"),
            Intent.ResolveBlocker => (BlockerTodo.Resolve, "none-to-resolve"),
            _ => (BlockerTodo.Close, "none-to-close"),
        };

        // A blocker nobody acknowledged can be resolved straight away; resolving asks for a note before it changes anything.
        bool Fits(BlockerTodo t) => t == todo || (todo == BlockerTodo.Resolve && t == BlockerTodo.Acknowledge);
        (BlockerView Blocker, BlockerTodo Todo)[] candidates = [.. pending.Where(p => Fits(p.Todo)).Select(p => (p.Blocker, todo))];
        if (candidates.Length == 1)
        {
            BlockerView only = candidates[0].Blocker;
            if (todo == BlockerTodo.Resolve)
            {
                context.Say(new TextKey(Texts, "picked"), ("task", only.LocalTaskTitle(context.Locale)), ("text", only.Text));
            }

            return only.Id;
        }

        if (candidates.Length > 1)
        {
            context.Say(PendingBlockerCards.List(context, context.T(new TextKey(Texts, "choose")), null, candidates));
            return null;
        }

        (BlockerView Blocker, BlockerTodo Todo)[] others = [.. pending.Where(p => !Fits(p.Todo))];
        if (others.Length == 0)
        {
            context.Say(new TextKey(Texts, noneKey));
            return null;
        }

        string note = context.T(new TextKey(Texts, "pending-others"), ("counts", PendingBlockerCards.Counts(context, others)));
        context.Say(PendingBlockerCards.List(context, context.T(new TextKey(Texts, noneKey)), note, others));
        return null;
    }

    public static void Reply(DialogContext context, BlockerResult result, string doneKey, string alreadyKey)
    {
        string task = result.Blocker?.LocalTaskTitle(context.Locale) ?? string.Empty;
        string text = result.Blocker?.Text ?? string.Empty;
        string key = result.Outcome switch
        {
            BlockerOutcome.Done => doneKey,
            BlockerOutcome.AlreadyDone => alreadyKey,
            BlockerOutcome.NotAllowed => "not-allowed",
            BlockerOutcome.NotFound => "not-found",
            _ => "wrong-state",
        };
        context.Say(new TextKey(Texts, key), ("task", task), ("text", text));
    }

    private static async Task<IReadOnlyList<(BlockerView Blocker, BlockerTodo Todo)>> PendingAsync(DialogContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<BlockerView> unclosed = await BlockerStore.ListUnclosedAsync(context.Session, context.Scope, cancellationToken);
        return [.. unclosed.Select(b => (Blocker: b, Todo: BlockerTodos.For(context.Member, b))).Where(p => p.Todo != BlockerTodo.None)];
    }
}
