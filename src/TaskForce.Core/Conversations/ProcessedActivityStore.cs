using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Conversations;

/// <summary>
/// The activities already handled, keyed by (channel, conversation, activity id), so a channel's re-delivery is
/// acknowledged without running the turn again. Technical bookkeeping: not audited.
/// </summary>
public sealed class ProcessedActivityStore(Database db)
{
    public async Task<bool> IsProcessedAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        return await IsProcessedAsync(connection, channelId, conversationId, activityId, cancellationToken);
    }

    /// <summary>The same check on a connection the caller already holds.</summary>
    public static Task<bool> IsProcessedAsync(
        SqliteConnection connection, string channelId, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        const string Sql = """
            SELECT EXISTS (SELECT 1 FROM ProcessedActivities
                           WHERE ChannelId = @channelId AND ConversationId = @conversationId AND ActivityId = @activityId);
            """;
        return connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            Sql, new { channelId, conversationId, activityId }, cancellationToken: cancellationToken));
    }

    /// <summary>Records the activity as handled; returns false when it already was.</summary>
    public async Task<bool> MarkProcessedAsync(
        string channelId, string conversationId, string activityId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // The dialog turn usually marked it already, inside its own transaction: then no second durable write.
        if (await IsProcessedAsync(channelId, conversationId, activityId, cancellationToken))
        {
            return false;
        }

        const string Sql = """
            INSERT INTO ProcessedActivities (ChannelId, ConversationId, ActivityId, ProcessedAtMs)
            VALUES (@channelId, @conversationId, @activityId, @AtMs)
            ON CONFLICT DO NOTHING;
            """;
        return await db.WriteAsync(
            async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(
                Sql, new { channelId, conversationId, activityId, AtMs = at.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken)) == 1,
            cancellationToken);
    }

    /// <summary>Forgets entries older than the cutoff; returns how many.</summary>
    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        const string Sql = "DELETE FROM ProcessedActivities WHERE ProcessedAtMs < @CutoffMs;";
        return db.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                Sql, new { CutoffMs = cutoff.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken)),
            cancellationToken);
    }
}
