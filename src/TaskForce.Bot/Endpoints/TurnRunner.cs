using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using TaskForce.Activities.Auth;
using TaskForce.Activities.Connector;
using TaskForce.Activities.Schema;
using TaskForce.Activities.Turns;
using TaskForce.Core.Conversations;
using TaskForce.Core.Storage;

namespace TaskForce.Bot.Endpoints;

/// <summary>
/// Runs one validated activity through the handler: one at a time per conversation, and at most once per
/// (channel, conversation, activity id) — a re-delivery is acknowledged without running again (§2.5). Every validated
/// activity first stores its conversation reference (§3.3); that freshness check and the re-delivery check share one connection.
/// </summary>
internal sealed class TurnRunner(
    ConversationLocks locks,
    Database database,
    ConversationReferenceStore references,
    ProcessedActivityStore processed,
    IConnectorClient connector,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<TurnRunner> logger)
{
    public async Task<TurnResult> RunAsync(
        BotActivity activity, AuthenticationResult caller, IActivityHandler handler, CancellationToken cancellationToken)
    {
        string channelId = activity.ChannelId!;
        string conversationId = activity.Conversation!.Id!;
        using IDisposable? scope = logger.BeginScope(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["ActivityId"] = activity.Id,
            ["ConversationId"] = conversationId,
            ["ChannelId"] = channelId,
        });
        using IDisposable held = await locks.AcquireAsync($"{channelId}\n{conversationId}", cancellationToken);
        StoredConversationReference? reference = ConversationReferenceCapture.Describe(activity);
        DateTimeOffset now = time.GetUtcNow();
        bool current;
        bool duplicate;
        await using (SqliteConnection connection = await database.OpenAsync(cancellationToken))
        {
            current = reference is null || await ConversationReferenceStore.IsCurrentAsync(connection, reference, now, cancellationToken);
            duplicate = activity.Id is { Length: > 0 } seen
                && await ProcessedActivityStore.IsProcessedAsync(connection, channelId, conversationId, seen, cancellationToken);
        }

        if (!current && reference is not null)
        {
            await RefreshReferenceAsync(reference, now, activity.Id, cancellationToken);
        }

        if (duplicate && activity.Id is { } id)
        {
            logger.DuplicateActivity(id);
            return TurnResult.DuplicateOf();
        }

        var turn = new TurnContext(activity, connector, caller.CallerId, options.Value.DefaultTimeZone) { VouchesForUser = caller.VouchesForUser };
        InvokeResponse? invoke;
        try
        {
            invoke = await handler.OnTurnAsync(turn, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not marked as processed: the channel's retry may run the turn again.
            logger.TurnFailed(ex, activity.Id);
            return TurnResult.Failure();
        }

        if (turn.LeaveUnprocessed)
        {
            logger.TurnLeftUnprocessed(activity.Id);
        }
        else if (activity.Id is { Length: > 0 } handledId && !turn.ProcessedRecorded)
        {
            // A dialog turn records the activity in its own transaction; other activities are recorded here.
            await MarkProcessedAsync(channelId, conversationId, handledId, cancellationToken);
        }

        return new TurnResult(invoke, turn.BufferedReplies, Duplicate: false, Failed: false);
    }

    private async Task RefreshReferenceAsync(StoredConversationReference reference, DateTimeOffset now, string? activityId, CancellationToken cancellationToken)
    {
        try
        {
            await references.RefreshAsync(reference, now, cancellationToken);
        }
        catch (Exception ex) when (DatabaseBusy.Is(ex))
        {
            // The turn still runs: if the database stays busy it answers with the busy reply, not a 500.
            logger.ReferenceCaptureBusy(activityId);
        }
    }

    private async Task MarkProcessedAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        try
        {
            await processed.MarkProcessedAsync(channelId, conversationId, activityId, time.GetUtcNow(), cancellationToken);
        }
        catch (Exception ex) when (DatabaseBusy.Is(ex))
        {
            // Only turns that wrote nothing get here (a dialog turn marks itself inside its own transaction), so
            // running such a turn again on a re-delivery is harmless; answering 500 for it would not be.
            logger.ProcessedMarkBusy(activityId);
        }
    }
}
