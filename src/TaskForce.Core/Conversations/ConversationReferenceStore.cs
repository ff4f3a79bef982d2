using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Audit;
using TaskForce.Core.Outbox;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Conversations;

/// <summary>
/// Conversation references taken from validated activities, refreshed on every one of them (the service URL can
/// change), and marked dead when the channel says the bot can no longer write there.
/// </summary>
public sealed class ConversationReferenceStore(Database db)
{
    private const string Columns = """
        ChannelId, ConversationId, UserId, ServiceUrl, TenantId, ConversationType, Locale, TimeZone,
        Reference AS ReferenceJson, MemberId, UpdatedAtMs, DeadAtMs, DeadReason
        """;

    /// <summary>How long an unchanged reference goes without being rewritten: every activity refreshes it, but only
    /// a change (service URL, zone, locale, a dead mark) or this much time costs a durable write.</summary>
    private const string AssignSql = """
        UPDATE ConversationReferences SET MemberId = @memberId, UpdatedAtMs = @AtMs
        WHERE ChannelId = @channelId AND ConversationId = @conversationId AND UserId = @userId AND MemberId IS NOT @memberId;
        """;

    private static readonly TimeSpan s_refreshAfter = TimeSpan.FromHours(1);

    /// <summary>Inserts or refreshes the reference; a new activity also revives a conversation marked dead.</summary>
    public async Task UpsertAsync(StoredConversationReference reference, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        bool current;
        await using (SqliteConnection connection = await db.OpenAsync(cancellationToken))
        {
            current = await IsCurrentAsync(connection, reference, at, cancellationToken);
        }

        if (!current)
        {
            await RefreshAsync(reference, at, cancellationToken);
        }
    }

    /// <summary>Inserts or refreshes the reference without checking first; for callers that ran <see cref="IsCurrentAsync"/>.</summary>
    public async Task RefreshAsync(StoredConversationReference reference, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        const string Sql = """
            INSERT INTO ConversationReferences
                (ChannelId, ConversationId, UserId, ServiceUrl, TenantId, ConversationType, Locale, TimeZone, Reference, UpdatedAtMs)
            VALUES (@ChannelId, @ConversationId, @UserId, @ServiceUrl, @TenantId, @ConversationType, @Locale, @TimeZone, @ReferenceJson, @AtMs)
            ON CONFLICT (ChannelId, ConversationId, UserId) DO UPDATE SET
                ServiceUrl = excluded.ServiceUrl,
                TenantId = COALESCE(excluded.TenantId, TenantId),
                ConversationType = COALESCE(excluded.ConversationType, ConversationType),
                Locale = COALESCE(excluded.Locale, Locale),
                TimeZone = COALESCE(excluded.TimeZone, TimeZone),
                Reference = excluded.Reference,
                UpdatedAtMs = excluded.UpdatedAtMs,
                DeadAtMs = NULL,
                DeadReason = NULL;
            """;
        const string ExistsSql = """
            SELECT EXISTS (SELECT 1 FROM ConversationReferences
                           WHERE ChannelId = @ChannelId AND ConversationId = @ConversationId AND UserId = @UserId);
            """;
        await db.WriteAsync(
            async (connection, transaction) =>
            {
                bool existed = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    ExistsSql, reference, transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(
                    Sql,
                    Parameters(reference, at),
                    transaction,
                    cancellationToken: cancellationToken));
                if (!existed)
                {
                    // Refreshes happen on every activity and are not audited; a new conversation is.
                    await AuditStore.AppendAsync(
                        connection,
                        transaction,
                        new AuditEntry("channel", "conversation.captured", "ConversationReference", Key(reference), null, new { reference.ServiceUrl, reference.ConversationType }),
                        at,
                        cancellationToken);
                }
            },
            cancellationToken);
    }

    public async Task<StoredConversationReference?> GetAsync(
        string channelId, string conversationId, string userId, CancellationToken cancellationToken)
    {
        const string Sql = $"""
            SELECT {Columns} FROM ConversationReferences
            WHERE ChannelId = @channelId AND ConversationId = @conversationId AND UserId = @userId;
            """;
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        ReferenceRow? row = await connection.QuerySingleOrDefaultAsync<ReferenceRow>(new CommandDefinition(
            Sql, new { channelId, conversationId, userId }, cancellationToken: cancellationToken));
        return row?.ToReference();
    }

    /// <summary>The member's most recent live reference, preferring 1:1 (personal) conversations.</summary>
    public async Task<StoredConversationReference?> GetLatestForMemberAsync(long memberId, CancellationToken cancellationToken)
    {
        const string Sql = $"""
            SELECT {Columns} FROM ConversationReferences
            WHERE MemberId = @memberId AND DeadAtMs IS NULL
            ORDER BY (ConversationType IS NULL OR ConversationType = 'personal') DESC, UpdatedAtMs DESC
            LIMIT 1;
            """;
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        ReferenceRow? row = await connection.QuerySingleOrDefaultAsync<ReferenceRow>(new CommandDefinition(
            Sql, new { memberId }, cancellationToken: cancellationToken));
        return row?.ToReference();
    }

    /// <summary>
    /// The most recent live Teams conversation of any member that names its tenant: its service URL, tenant and bot
    /// account are what starting a new 1:1 chat with another member of that tenant needs (docs/protocol.md §3.3).
    /// </summary>
    public async Task<StoredConversationReference?> GetTeamsTemplateAsync(CancellationToken cancellationToken)
    {
        const string Sql = $"""
            SELECT {Columns} FROM ConversationReferences
            WHERE ChannelId = 'msteams' AND TenantId IS NOT NULL AND DeadAtMs IS NULL
            ORDER BY UpdatedAtMs DESC
            LIMIT 1;
            """;
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        ReferenceRow? row = await connection.QuerySingleOrDefaultAsync<ReferenceRow>(new CommandDefinition(Sql, cancellationToken: cancellationToken));
        return row?.ToReference();
    }

    /// <summary>Marks every reference of the conversation dead (the bot was removed or blocked); returns how many.</summary>
    public Task<int> MarkDeadAsync(string channelId, string conversationId, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string Sql = """
            UPDATE ConversationReferences SET DeadAtMs = @AtMs, DeadReason = @reason
            WHERE ChannelId = @channelId AND ConversationId = @conversationId AND DeadAtMs IS NULL;
            """;
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                int changed = await connection.ExecuteAsync(new CommandDefinition(
                    Sql, new { channelId, conversationId, reason, AtMs = at.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
                if (changed > 0)
                {
                    await AuditStore.AppendAsync(
                        connection, transaction, new AuditEntry("channel", "conversation.dead", "ConversationReference", $"{channelId}/{conversationId}", null, new { reason }), at, cancellationToken);
                }

                return changed;
            },
            cancellationToken);
    }

    /// <summary>Whether the stored reference already matches and is recent enough that no write is needed.</summary>
    public static async Task<bool> IsCurrentAsync(
        SqliteConnection connection, StoredConversationReference reference, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(reference);
        const string Sql = """
            SELECT EXISTS (SELECT 1 FROM ConversationReferences
                WHERE ChannelId = @ChannelId AND ConversationId = @ConversationId AND UserId = @UserId
                  AND ServiceUrl = @ServiceUrl AND DeadAtMs IS NULL AND UpdatedAtMs >= @FreshSinceMs
                  AND (@TenantId IS NULL OR TenantId IS @TenantId) AND (@ConversationType IS NULL OR ConversationType IS @ConversationType)
                  AND (@Locale IS NULL OR Locale IS @Locale) AND (@TimeZone IS NULL OR TimeZone IS @TimeZone));
            """;
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            Sql,
            Parameters(reference, at),
            cancellationToken: cancellationToken));
    }

    // One parameter set for the freshness check and the upsert; Dapper sends only the names each statement uses.
    private static object Parameters(StoredConversationReference reference, DateTimeOffset at) => new
    {
        reference.ChannelId,
        reference.ConversationId,
        reference.UserId,
        reference.ServiceUrl,
        reference.TenantId,
        reference.ConversationType,
        reference.Locale,
        reference.TimeZone,
        reference.ReferenceJson,
        AtMs = at.ToUnixTimeMilliseconds(),
        FreshSinceMs = (at - s_refreshAfter).ToUnixTimeMilliseconds(),
    };

    /// <summary>
    /// Records which member writes from this conversation inside the caller's transaction (changing the row only on a
    /// change), and releases the messages that waited for the member to open the bot.
    /// </summary>
    public static async Task AssignMemberAsync(
        DbSession session, string channelId, string conversationId, string userId, long memberId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.Connection.ExecuteAsync(new CommandDefinition(
            AssignSql, new { channelId, conversationId, userId, memberId, AtMs = at.ToUnixTimeMilliseconds() }, session.Transaction, cancellationToken: cancellationToken));
        await OutboxStore.ReleaseWaitingAsync(session.Connection, session.Transaction, memberId, at, cancellationToken);
    }

    /// <summary>Records which member writes from this conversation, so proactive messages can reach them; writes only on a change.</summary>
    public async Task AssignMemberAsync(string channelId, string conversationId, string userId, long memberId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string CheckSql = """
            SELECT EXISTS (SELECT 1 FROM ConversationReferences
                           WHERE ChannelId = @channelId AND ConversationId = @conversationId AND UserId = @userId AND MemberId IS NOT @memberId);
            """;
        await using (SqliteConnection connection = await db.OpenAsync(cancellationToken))
        {
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(CheckSql, new { channelId, conversationId, userId, memberId }, cancellationToken: cancellationToken)))
            {
                return;
            }
        }

        await db.WriteAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    AssignSql, new { channelId, conversationId, userId, memberId, AtMs = at.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
                return await OutboxStore.ReleaseWaitingAsync(connection, transaction, memberId, at, cancellationToken);
            },
            cancellationToken);
    }

    private static string Key(StoredConversationReference reference) => $"{reference.ChannelId}/{reference.ConversationId}/{reference.UserId}";

    private sealed record ReferenceRow(
        string ChannelId, string ConversationId, string UserId, string ServiceUrl, string? TenantId, string? ConversationType,
        string? Locale, string? TimeZone, string ReferenceJson, long? MemberId, long UpdatedAtMs, long? DeadAtMs, string? DeadReason)
    {
        public StoredConversationReference ToReference() =>
            new(ChannelId, ConversationId, UserId, ServiceUrl, TenantId, ConversationType, Locale, TimeZone, ReferenceJson)
            {
                MemberId = MemberId,
                UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAtMs),
                DeadAt = DeadAtMs is { } dead ? DateTimeOffset.FromUnixTimeMilliseconds(dead) : null,
                DeadReason = DeadReason,
            };
    }
}
