using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Access;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Blockers;

/// <summary>SQL for blockers, their history and the notices their changes put in the outbox.</summary>
public sealed class BlockerStore(SqliteConnectionFactory connections)
{
    private const string SelectView = """
        SELECT b.Id, b.TaskId, t.Title AS TaskTitle, t.TitleEn AS TaskTitleEn, t.CampaignId, b.Text, b.Severity, b.Level, b.State,
               b.RaisedByMemberId, r.Name AS RaisedByName, b.OwnerMemberId, o.Name AS OwnerName, b.RaisedAtMs,
               EXISTS (SELECT 1 FROM BlockerEvents e WHERE e.BlockerId = b.Id AND e.Kind = 'confirmed') AS ReporterConfirmed,
               (SELECT e.ActorMemberId FROM BlockerEvents e WHERE e.BlockerId = b.Id AND e.Kind = 'copied' ORDER BY e.Id DESC LIMIT 1) AS CopiedMemberId
        FROM Blockers b
        JOIN Tasks t ON t.Id = b.TaskId
        JOIN Members r ON r.Id = b.RaisedByMemberId
        LEFT JOIN Members o ON o.Id = b.OwnerMemberId
        """;

    public async Task<IReadOnlyList<BlockerView>> ListOpenAsync(AccessScope scope, long? campaignId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        const string Sql = SelectView + """
             WHERE b.State IN ('open', 'acknowledged')
               AND (@CityWide = 1 OR t.CampaignId IN @CampaignIds OR t.OwnerMemberId = @MemberId OR b.RaisedByMemberId = @MemberId OR b.OwnerMemberId = @MemberId)
               AND (@CampaignId IS NULL OR t.CampaignId = @CampaignId)
             ORDER BY b.Level DESC, b.RaisedAtMs;
            """;
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        IEnumerable<Row> rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Sql,
            new { scope.CityWide, CampaignIds = scope.CampaignIds.ToArray(), scope.MemberId, CampaignId = campaignId },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToView())];
    }

    /// <summary>Blockers not yet closed (open, acknowledged, resolved) that the member may see, the most escalated first.</summary>
    public static async Task<IReadOnlyList<BlockerView>> ListUnclosedAsync(DbSession session, AccessScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(scope);
        const string Sql = SelectView + """
             WHERE b.State IN ('open', 'acknowledged', 'resolved')
               AND (@CityWide = 1 OR t.CampaignId IN @CampaignIds OR t.OwnerMemberId = @MemberId OR b.RaisedByMemberId = @MemberId OR b.OwnerMemberId = @MemberId)
             ORDER BY b.Level DESC, b.RaisedAtMs, b.Id;
            """;
        IEnumerable<Row> rows = await session.Connection.QueryAsync<Row>(new CommandDefinition(
            Sql,
            new { scope.CityWide, CampaignIds = scope.CampaignIds.ToArray(), scope.MemberId },
            session.Transaction,
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToView())];
    }

    public async Task<BlockerView?> GetAsync(long blockerId, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        Row? row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            SelectView + " WHERE b.Id = @Id;", new { Id = blockerId }, cancellationToken: cancellationToken));
        return row?.ToView();
    }

    public static async Task<BlockerView?> GetAsync(DbSession session, long blockerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        Row? row = await session.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            SelectView + " WHERE b.Id = @Id;", new { Id = blockerId }, session.Transaction, cancellationToken: cancellationToken));
        return row?.ToView();
    }

    public static async Task<long> InsertAsync(DbSession session, long raisedBy, BlockerDraft draft, long? ownerMemberId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO Blockers (TaskId, RaisedByMemberId, Text, Severity, Level, OwnerMemberId, State, RaisedAtMs, LevelSinceMs)
            VALUES (@TaskId, @RaisedBy, @Text, @Severity, 0, @Owner, 'open', @AtMs, @AtMs)
            RETURNING Id;
            """;
        long id = await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            Sql,
            new { draft.TaskId, RaisedBy = raisedBy, draft.Text, draft.Severity, Owner = ownerMemberId, AtMs = at.ToUnixTimeMilliseconds() },
            session.Transaction,
            cancellationToken: cancellationToken));
        foreach (long departmentId in draft.DepartmentIds.Distinct())
        {
            await session.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO BlockerDepartments (BlockerId, DepartmentId) VALUES (@Id, @DepartmentId);",
                new { Id = id, DepartmentId = departmentId },
                session.Transaction,
                cancellationToken: cancellationToken));
        }

        return id;
    }

    public static Task<int> SetStateAsync(
        DbSession session, long blockerId, string fromState, string toState, long actorId, string? note, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // The state guard in the WHERE clause makes a double tap change the row once.
        const string Sql = """
            UPDATE Blockers SET State = @ToState,
                AcknowledgedAtMs = CASE WHEN @ToState = 'acknowledged' THEN @AtMs ELSE AcknowledgedAtMs END,
                AcknowledgedByMemberId = CASE WHEN @ToState = 'acknowledged' THEN @ActorId ELSE AcknowledgedByMemberId END,
                ResolvedAtMs = CASE WHEN @ToState = 'resolved' THEN @AtMs ELSE ResolvedAtMs END,
                ResolvedByMemberId = CASE WHEN @ToState = 'resolved' THEN @ActorId ELSE ResolvedByMemberId END,
                ResolutionNote = CASE WHEN @ToState = 'resolved' THEN @Note ELSE ResolutionNote END,
                ClosedAtMs = CASE WHEN @ToState = 'closed' THEN @AtMs ELSE ClosedAtMs END,
                ClosedByMemberId = CASE WHEN @ToState = 'closed' THEN @ActorId ELSE ClosedByMemberId END
            WHERE Id = @Id AND State = @FromState;
            """;
        return session.Connection.ExecuteAsync(new CommandDefinition(
            Sql,
            new { Id = blockerId, FromState = fromState, ToState = toState, ActorId = actorId, Note = note, AtMs = at.ToUnixTimeMilliseconds() },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public static Task<long> AddEventAsync(
        DbSession session, long blockerId, string kind, long? actorId, string? note, DateTimeOffset at, CancellationToken cancellationToken, int? fromLevel = null, int? toLevel = null)
    {
        const string Sql = """
            INSERT INTO BlockerEvents (BlockerId, Kind, ActorMemberId, FromLevel, ToLevel, Note, AtMs)
            VALUES (@BlockerId, @Kind, @ActorId, @FromLevel, @ToLevel, @Note, @AtMs) RETURNING Id;
            """;
        return session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            Sql,
            new { BlockerId = blockerId, Kind = kind, ActorId = actorId, FromLevel = fromLevel, ToLevel = toLevel, Note = note, AtMs = at.ToUnixTimeMilliseconds() },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>Queues a proactive notice; the idempotency key makes a repeated change queue it once.</summary>
    public static Task EnqueueNoticeAsync(
        DbSession session, string kind, long recipientMemberId, long blockerId, long eventId, bool critical, object payload, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO Outbox (Kind, IdempotencyKey, DueAtMs, RecipientMemberId, BlockerId, Payload, State, NextAttemptAtMs, Critical, CreatedAtMs)
            VALUES (@Kind, @Key, @AtMs, @Recipient, @BlockerId, @Payload, 'pending', @AtMs, @Critical, @AtMs)
            ON CONFLICT (IdempotencyKey) DO NOTHING;
            """;
        string key = string.Create(CultureInfo.InvariantCulture, $"{kind}:{blockerId}:{eventId}:{recipientMemberId}");
        return session.Connection.ExecuteAsync(new CommandDefinition(
            Sql,
            new { Kind = kind, Key = key, AtMs = at.ToUnixTimeMilliseconds(), Recipient = recipientMemberId, BlockerId = blockerId, Payload = JsonSerializer.Serialize(payload), Critical = critical },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Who speaks for a department in a consultation: its active members holding a leading role (team lead, commander,
    /// city leader, supervisor), who can act for it; a department without one is reached through all its active members.
    /// </summary>
    public static async Task<IReadOnlyList<long>> DepartmentContactsAsync(DbSession session, long departmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        const string Sql = """
            WITH Active AS (
                SELECT m.Id,
                       EXISTS (SELECT 1 FROM MemberRoles r WHERE r.MemberId = m.Id
                               AND r.Role IN ('team_lead', 'commander', 'city_leader', 'supervisor')) AS Leading
                FROM Members m
                WHERE m.DepartmentId = @DepartmentId AND m.Active = 1)
            SELECT Id FROM Active
            WHERE Leading = 1 OR NOT EXISTS (SELECT 1 FROM Active WHERE Leading = 1)
            ORDER BY Id;
            """;
        IEnumerable<long> ids = await session.Connection.QueryAsync<long>(new CommandDefinition(
            Sql, new { DepartmentId = departmentId }, session.Transaction, cancellationToken: cancellationToken));
        return [.. ids];
    }

    /// <summary>Whether the member has a live conversation with the bot, so a notice reaches them now.</summary>
    public static Task<bool> HasConversationAsync(DbSession session, long memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM ConversationReferences WHERE MemberId = @Id AND DeadAtMs IS NULL);",
            new { Id = memberId }, session.Transaction, cancellationToken: cancellationToken));
    }

    public static async Task<(long Id, string Name, string? NameEn)?> MemberNameAsync(DbSession session, long memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        MemberNameRow? row = await session.Connection.QuerySingleOrDefaultAsync<MemberNameRow>(new CommandDefinition(
            "SELECT Id, Name, NameEn FROM Members WHERE Id = @Id;", new { Id = memberId }, session.Transaction, cancellationToken: cancellationToken));
        return row is null ? null : (row.Id, row.Name, row.NameEn);
    }

    public static async Task<(long CampaignId, long OwnerMemberId)?> TaskOwnerAsync(DbSession session, long taskId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        TaskOwnerRow? row = await session.Connection.QuerySingleOrDefaultAsync<TaskOwnerRow>(new CommandDefinition(
            "SELECT CampaignId, OwnerMemberId FROM Tasks WHERE Id = @Id;", new { Id = taskId }, session.Transaction, cancellationToken: cancellationToken));
        return row is null ? null : (row.CampaignId, row.OwnerMemberId);
    }

    private sealed record TaskOwnerRow(long CampaignId, long OwnerMemberId);

    private sealed record Row
    {
        public long Id { get; init; }

        public long TaskId { get; init; }

        public string TaskTitle { get; init; } = string.Empty;

        public string? TaskTitleEn { get; init; }

        public long CampaignId { get; init; }

        public string Text { get; init; } = string.Empty;

        public string Severity { get; init; } = string.Empty;

        public long Level { get; init; }

        public string State { get; init; } = string.Empty;

        public long RaisedByMemberId { get; init; }

        public string RaisedByName { get; init; } = string.Empty;

        public long? OwnerMemberId { get; init; }

        public string? OwnerName { get; init; }

        public long RaisedAtMs { get; init; }

        public long ReporterConfirmed { get; init; }

        public long? CopiedMemberId { get; init; }

        public BlockerView ToView() => new(
            Id, TaskId, TaskTitle, TaskTitleEn, CampaignId, Text, Severity, (int)Level, State, RaisedByMemberId, RaisedByName,
            OwnerMemberId, OwnerName, DateTimeOffset.FromUnixTimeMilliseconds(RaisedAtMs), ReporterConfirmed != 0)
        {
            CopiedMemberId = CopiedMemberId,
        };
    }

    private sealed record MemberNameRow(long Id, string Name, string? NameEn);
}
