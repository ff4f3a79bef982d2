using System.Text;
using System.Text.Json.Nodes;
using TaskForce.Core.Blockers;
using TaskForce.Dialogs.Engine;
using TaskForce.Dialogs.Recognizers;
using TaskForce.Dialogs.Rendering;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Conversations;

/// <summary>
/// One-tap blocker actions from cards and short commands: acknowledge (签收), confirm resolved, close (销号).
/// Resolving and consulting need one more answer and start <see cref="BlockerNoteDialog"/>.
/// </summary>
internal sealed class BlockerActions(BlockerService blockers, BlockerStore store)
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

    /// <summary>签收 (acknowledge) without saying which: act on the only candidate, or offer the choice as a card.</summary>
    public async Task<long?> PickAsync(DialogContext context, Intent intent, CancellationToken cancellationToken)
    {
        IReadOnlyList<BlockerView> open = await store.ListOpenAsync(context.Scope, null, cancellationToken);
        BlockerView[] mine = intent switch
        {
            Intent.AcknowledgeBlocker => [.. open.Where(b => b.OwnerMemberId == context.Member.Id && b.State == BlockerStates.Open)],
            _ => [.. open.Where(b => b.OwnerMemberId == context.Member.Id || context.Scope.CanSeeCampaign(b.CampaignId))],
        };
        if (mine.Length == 1)
        {
            return mine[0].Id;
        }

        if (mine.Length == 0)
        {
            context.Say(new TextKey(Texts, "none-open"));
            return null;
        }

        string action = intent switch
        {
            Intent.AcknowledgeBlocker => "ack",
            Intent.ResolveBlocker => "resolve",
            _ => "close",
        };
        var text = new StringBuilder(context.T(new TextKey(Texts, "choose")));
        List<JsonNode> actions = [];
        foreach (BlockerView blocker in mine.Take(6))
        {
            string label = blocker.LocalTaskTitle(context.Locale) + ": " + blocker.Text;
            text.Append("\n- ").Append(label);
            actions.Add(Cards.Submit(label.Length > 40 ? label[..39] + "…" : label, Cards.Command(action, blocker.Id)));
        }

        context.Say(new OutgoingMessage(text.ToString()) { Card = Cards.Card([Cards.Text(context.T(new TextKey(Texts, "choose")))], actions) });
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
}
