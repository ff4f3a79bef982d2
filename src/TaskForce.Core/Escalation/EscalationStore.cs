using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Audit;
using TaskForce.Core.Outbox;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Escalation;

/// <summary>Blockers under SLA watch, the owner of each escalation level, and the hop itself.</summary>
public sealed class EscalationStore(Database db)
{
    public async Task<IReadOnlyList<OpenBlocker>> OpenBlockersAsync(CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT Id, TaskId, RaisedByMemberId, Severity, Level, OwnerMemberId, LevelSinceMs, AcknowledgedAtMs
            FROM Blockers WHERE State IN ('open', 'acknowledged') ORDER BY LevelSinceMs, Id;
            """;
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        IEnumerable<BlockerRow> rows = await connection.QueryAsync<BlockerRow>(new CommandDefinition(Sql, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToBlocker())];
    }

    /// <summary>
    /// The member who owns a blocker of the task at <paramref name="level"/>: at level 0 the battle's leader when
    /// the task has one, otherwise the holder of the level's role in the task's campaign, preferring one from the
    /// task's department, then the lowest id. Null when nobody holds it.
    /// </summary>
    public async Task<long?> ResolveOwnerAsync(long taskId, int level, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        return await ResolveOwnerAsync(connection, null, taskId, level, cancellationToken);
    }

    /// <summary>Who owns a blocker of the task at <paramref name="level"/>; usable inside a caller's transaction.</summary>
    public static async Task<long?> ResolveOwnerAsync(
        SqliteConnection connection, SqliteTransaction? transaction, long taskId, int level, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        const string LeaderSql = """
            SELECT b.LeaderMemberId FROM Tasks t JOIN Battles b ON b.Id = t.BattleId
            JOIN Members m ON m.Id = b.LeaderMemberId AND m.Active = 1
            WHERE t.Id = @TaskId;
            """;
        const string RoleSql = """
            SELECT r.MemberId FROM Tasks t
            JOIN MemberRoles r ON r.CampaignId = t.CampaignId AND r.Role = @Role
            JOIN Members m ON m.Id = r.MemberId AND m.Active = 1
            WHERE t.Id = @TaskId
            ORDER BY (m.DepartmentId = t.DepartmentId) DESC, m.Id
            LIMIT 1;
            """;
        if (level == EscalationLevels.TeamLead
            && await connection.ExecuteScalarAsync<long?>(new CommandDefinition(LeaderSql, new { TaskId = taskId }, transaction, cancellationToken: cancellationToken)) is { } leader)
        {
            return leader;
        }

        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            RoleSql, new { TaskId = taskId, Role = EscalationLevels.Role(level) }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Moves the blocker one level up, records the event and the audit entry and enqueues the messages, all in one
    /// transaction. False when another process already moved it (the level no longer matches).
    /// </summary>
    public Task<bool> EscalateAsync(EscalationHop hop, IReadOnlyList<NewOutboxJob> messages, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hop);
        ArgumentNullException.ThrowIfNull(messages);
        const string UpdateSql = """
            UPDATE Blockers SET Level = @ToLevel, OwnerMemberId = @OwnerMemberId, LevelSinceMs = @SinceMs,
                                State = CASE WHEN State = 'acknowledged' THEN 'open' ELSE State END
            WHERE Id = @Id AND Level = @FromLevel AND State IN ('open', 'acknowledged');
            """;
        const string EventSql = """
            INSERT INTO BlockerEvents (BlockerId, Kind, ActorMemberId, FromLevel, ToLevel, Note, AtMs)
            VALUES (@BlockerId, 'escalated', NULL, @FromLevel, @ToLevel, @Note, @AtMs);
            """;
        OpenBlocker blocker = hop.Blocker;
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                int rows = await connection.ExecuteAsync(new CommandDefinition(
                    UpdateSql,
                    new { blocker.Id, FromLevel = blocker.Level, hop.ToLevel, OwnerMemberId = hop.NewOwnerMemberId, SinceMs = hop.BreachedAt.ToUnixTimeMilliseconds() },
                    transaction,
                    cancellationToken: cancellationToken));
                if (rows != 1)
                {
                    return false;
                }

                await connection.ExecuteAsync(new CommandDefinition(
                    EventSql,
                    new { BlockerId = blocker.Id, FromLevel = blocker.Level, hop.ToLevel, Note = hop.Reason, AtMs = now.ToUnixTimeMilliseconds() },
                    transaction,
                    cancellationToken: cancellationToken));
                await AuditStore.AppendAsync(
                    connection,
                    transaction,
                    new AuditEntry(
                        "escalation",
                        "escalated",
                        "Blocker",
                        blocker.Id.ToString(CultureInfo.InvariantCulture),
                        new { blocker.Level, blocker.OwnerMemberId },
                        new { Level = hop.ToLevel, OwnerMemberId = hop.NewOwnerMemberId, hop.Reason }),
                    now,
                    cancellationToken);
                foreach (NewOutboxJob message in messages)
                {
                    await OutboxStore.EnqueueAsync(connection, transaction, message, now, cancellationToken);
                }

                return true;
            },
            cancellationToken);
    }

    /// <summary>What a message about the blocker shows; null when it does not exist.</summary>
    public async Task<BlockerSummary?> DescribeAsync(long blockerId, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT b.Id, b.TaskId, t.Title AS TaskTitle, t.TitleEn AS TaskTitleEn, b.Text, b.Severity, b.Level, b.State, b.RaisedAtMs
            FROM Blockers b JOIN Tasks t ON t.Id = b.TaskId WHERE b.Id = @Id;
            """;
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        SummaryRow? row = await connection.QuerySingleOrDefaultAsync<SummaryRow>(new CommandDefinition(Sql, new { Id = blockerId }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new BlockerSummary(row.Id, row.TaskId, row.TaskTitle, row.TaskTitleEn, row.Text, row.Severity, (int)row.Level, row.State, DateTimeOffset.FromUnixTimeMilliseconds(row.RaisedAtMs));
    }

    private sealed record SummaryRow(
        long Id, long TaskId, string TaskTitle, string? TaskTitleEn, string Text, string Severity, long Level, string State, long RaisedAtMs);

    private sealed record BlockerRow(
        long Id, long TaskId, long RaisedByMemberId, string Severity, long Level, long? OwnerMemberId, long LevelSinceMs, long? AcknowledgedAtMs)
    {
        public OpenBlocker ToBlocker() => new(
            Id,
            TaskId,
            RaisedByMemberId,
            Severity,
            (int)Level,
            OwnerMemberId,
            DateTimeOffset.FromUnixTimeMilliseconds(LevelSinceMs),
            AcknowledgedAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);
    }
}
