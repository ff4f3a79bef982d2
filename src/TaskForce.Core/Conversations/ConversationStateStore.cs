using Dapper;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Conversations;

/// <summary>A conversation's dialog state as JSON, with the version it was read at.</summary>
public sealed record StoredState(string? Json, long Version);

/// <summary>
/// The dialog stack of one user in one conversation, saved in the turn's transaction with optimistic
/// concurrency: a save only succeeds against the version that was read.
/// </summary>
public static class ConversationStateStore
{
    public static async Task<StoredState> LoadAsync(DbSession session, string channelId, string conversationId, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        const string Sql = """
            SELECT State AS Json, Version FROM ConversationStates
            WHERE ChannelId = @ChannelId AND ConversationId = @ConversationId AND UserId = @UserId;
            """;
        StoredState? row = await session.Connection.QuerySingleOrDefaultAsync<StoredState>(new CommandDefinition(
            Sql, new { ChannelId = channelId, ConversationId = conversationId, UserId = userId }, session.Transaction, cancellationToken: cancellationToken));
        return row ?? new StoredState(null, 0);
    }

    /// <summary>Saves the state; false when another writer saved a newer version first.</summary>
    public static async Task<bool> SaveAsync(
        DbSession session, string channelId, string conversationId, string userId, string json, long expectedVersion, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        const string InsertSql = """
            INSERT INTO ConversationStates (ChannelId, ConversationId, UserId, State, Version, UpdatedAtMs)
            VALUES (@ChannelId, @ConversationId, @UserId, @Json, 1, @AtMs)
            ON CONFLICT (ChannelId, ConversationId, UserId) DO NOTHING;
            """;
        const string UpdateSql = """
            UPDATE ConversationStates SET State = @Json, Version = Version + 1, UpdatedAtMs = @AtMs
            WHERE ChannelId = @ChannelId AND ConversationId = @ConversationId AND UserId = @UserId AND Version = @ExpectedVersion;
            """;
        int changed = await session.Connection.ExecuteAsync(new CommandDefinition(
            expectedVersion == 0 ? InsertSql : UpdateSql,
            new { ChannelId = channelId, ConversationId = conversationId, UserId = userId, Json = json, ExpectedVersion = expectedVersion, AtMs = at.ToUnixTimeMilliseconds() },
            session.Transaction,
            cancellationToken: cancellationToken));
        return changed == 1;
    }

    /// <summary>Records the activity as processed in the turn's transaction; false when it was processed before.</summary>
    public static async Task<bool> TryMarkProcessedAsync(
        DbSession session, string channelId, string conversationId, string activityId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        const string Sql = """
            INSERT INTO ProcessedActivities (ChannelId, ConversationId, ActivityId, ProcessedAtMs)
            VALUES (@ChannelId, @ConversationId, @ActivityId, @AtMs)
            ON CONFLICT DO NOTHING;
            """;
        return await session.Connection.ExecuteAsync(new CommandDefinition(
            Sql,
            new { ChannelId = channelId, ConversationId = conversationId, ActivityId = activityId, AtMs = at.ToUnixTimeMilliseconds() },
            session.Transaction,
            cancellationToken: cancellationToken)) == 1;
    }
}
