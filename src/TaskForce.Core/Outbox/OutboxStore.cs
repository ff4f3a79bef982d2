using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Audit;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Outbox;

/// <summary>
/// The outbox table: idempotent materialization, the atomic lease claim (safe for several processes on one file:
/// the claim is one UPDATE … RETURNING inside an IMMEDIATE transaction) and the outcome of each job. Every
/// outcome update is conditioned on the caller still holding the lease, so a dispatcher whose lease ran out
/// cannot overwrite the work of the one that took the job over.
/// </summary>
public sealed class OutboxStore(Database db)
{
    /// <summary>The columns of <see cref="OutboxRow"/>, in its constructor's order.</summary>
    internal const string JobColumns = """
        Id, Kind, IdempotencyKey, DueAtMs, NotAfterMs, RecipientMemberId, MeetingId, BlockerId, Payload, State, Attempts,
        NextAttemptAtMs, LeaseOwner, LastError, Critical, CreatedAtMs, CompletedAtMs
        """;

    private const string Actor = "outbox";

    /// <summary>
    /// Rows per write transaction when many jobs are enqueued. A chunk of 2,000 rows holds the write lock for tens of
    /// milliseconds (a few µs per row with the prepared insert, plus one commit), so a report turn waiting behind a
    /// year of reminders waits about one chunk, not seconds; and a year for 15 campaigns (315,000 jobs) still takes
    /// only ~160 commits.
    /// </summary>
    internal const int EnqueueChunkSize = 2_000;

    private const string EnqueueSql = """
        INSERT INTO Outbox (Kind, IdempotencyKey, DueAtMs, NotAfterMs, RecipientMemberId, MeetingId, BlockerId, Payload,
                            NextAttemptAtMs, Critical, CreatedAtMs)
        VALUES (@Kind, @IdempotencyKey, @DueAtMs, @NotAfterMs, @RecipientMemberId, @MeetingId, @BlockerId, @Payload,
                @DueAtMs, @Critical, @NowMs)
        ON CONFLICT(IdempotencyKey) DO NOTHING;
        """;

    /// <summary>
    /// Inserts the jobs whose idempotency key is new, <see cref="EnqueueChunkSize"/> rows per write transaction (the lock
    /// is released between chunks); returns how many were inserted. Each chunk commits on its own: if a later one
    /// fails, the earlier ones stay, and enqueuing the same jobs again inserts only what is missing.
    /// </summary>
    public async Task<int> EnqueueAsync(IReadOnlyList<NewOutboxJob> jobs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        int inserted = 0;
        for (int start = 0; start < jobs.Count; start += EnqueueChunkSize)
        {
            int first = start;
            inserted += await db.WriteAsync(
                (connection, transaction) => InsertChunkAsync(connection, transaction, jobs, first, Math.Min(jobs.Count, first + EnqueueChunkSize), now, cancellationToken),
                cancellationToken);
        }

        return inserted;
    }

    /// <summary>Inserts one job inside the caller's transaction (so a domain change and its messages commit together).</summary>
    public static async Task<bool> EnqueueAsync(
        SqliteConnection connection, SqliteTransaction transaction, NewOutboxJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(job);
        int rows = await connection.ExecuteAsync(new CommandDefinition(
            EnqueueSql,
            new
            {
                job.Kind,
                job.IdempotencyKey,
                DueAtMs = job.DueAt.ToUnixTimeMilliseconds(),
                NotAfterMs = job.NotAfter?.ToUnixTimeMilliseconds(),
                job.RecipientMemberId,
                job.MeetingId,
                job.BlockerId,
                job.Payload,
                Critical = job.Critical ? 1 : 0,
                NowMs = now.ToUnixTimeMilliseconds(),
            },
            transaction,
            cancellationToken: cancellationToken));
        return rows == 1;
    }

    /// <summary>Leases up to <paramref name="limit"/> due jobs to <paramref name="owner"/>, earliest first.</summary>
    public Task<IReadOnlyList<OutboxJob>> ClaimDueAsync(
        DateTimeOffset now, TimeSpan lease, string owner, int limit, CancellationToken cancellationToken)
    {
        const string Sql = """
            UPDATE Outbox SET LeaseUntilMs = @LeaseUntilMs, LeaseOwner = @Owner
            WHERE Id IN (SELECT Id FROM Outbox
                         WHERE State IN ('pending', 'retrying') AND NextAttemptAtMs <= @NowMs AND LeaseUntilMs <= @NowMs
                         ORDER BY NextAttemptAtMs, Id LIMIT @Limit)
            RETURNING
            """ + " " + JobColumns + ";";
        return db.WriteAsync<IReadOnlyList<OutboxJob>>(
            async (connection, transaction) =>
            {
                IEnumerable<OutboxRow> rows = await connection.QueryAsync<OutboxRow>(new CommandDefinition(
                    Sql,
                    new { NowMs = now.ToUnixTimeMilliseconds(), LeaseUntilMs = (now + lease).ToUnixTimeMilliseconds(), Owner = owner, Limit = limit },
                    transaction,
                    cancellationToken: cancellationToken));
                return [.. rows.Select(row => row.ToJob()).OrderBy(job => job.NextAttemptAt).ThenBy(job => job.Id)];
            },
            cancellationToken);
    }

    /// <summary>Records a final outcome (sent, failed, skipped); false when the lease was lost.</summary>
    public Task<bool> CompleteAsync(
        long id, string owner, OutboxState state, string? reason, bool attempted, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.WriteAsync(
            (connection, transaction) => CompleteAsync(connection, transaction, id, owner, state, reason, attempted, now, cancellationToken),
            cancellationToken);

    /// <summary>Schedules another attempt; <paramref name="attempted"/> is false when the job was only held back for pacing.</summary>
    public Task<bool> RescheduleAsync(
        long id, string owner, DateTimeOffset nextAttemptAt, string? error, bool attempted, CancellationToken cancellationToken)
    {
        const string Sql = """
            UPDATE Outbox SET State = CASE WHEN @Attempted = 1 THEN 'retrying' ELSE State END,
                              Attempts = Attempts + @Attempted, LastError = COALESCE(@Error, LastError),
                              NextAttemptAtMs = @NextMs, LeaseUntilMs = 0, LeaseOwner = NULL
            WHERE Id = @Id AND LeaseOwner = @Owner AND State IN ('pending', 'retrying');
            """;
        return db.WriteAsync(
            async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(
                Sql,
                new { Id = id, Owner = owner, NextMs = nextAttemptAt.ToUnixTimeMilliseconds(), Error = error, Attempted = attempted ? 1 : 0 },
                transaction,
                cancellationToken: cancellationToken)) == 1,
            cancellationToken);
    }

    /// <summary>Parks the job until the member first writes to the bot (<see cref="ReleaseWaitingAsync"/>).</summary>
    public Task<bool> WaitForContactAsync(long id, string owner, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string Sql = """
            UPDATE Outbox SET State = 'waiting', LastError = @Reason, Attempts = Attempts + 1, LeaseUntilMs = 0, LeaseOwner = NULL
            WHERE Id = @Id AND LeaseOwner = @Owner AND State IN ('pending', 'retrying');
            """;
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                if (await connection.ExecuteAsync(new CommandDefinition(Sql, new { Id = id, Owner = owner, Reason = reason }, transaction, cancellationToken: cancellationToken)) != 1)
                {
                    return false;
                }

                await AuditStore.AppendAsync(
                    connection, transaction, new AuditEntry(Actor, "waiting", "Outbox", Text(id), null, new { State = "waiting", Reason = reason }), now, cancellationToken);
                return true;
            },
            cancellationToken);
    }

    /// <summary>
    /// Makes the member's waiting jobs due now, in the caller's transaction (the turn that captured their first
    /// conversation); returns how many. Jobs whose meeting has started meanwhile are then skipped, and recorded so.
    /// </summary>
    public static Task<int> ReleaseWaitingAsync(
        SqliteConnection connection, SqliteTransaction? transaction, long memberId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        const string Sql = """
            UPDATE Outbox SET State = 'pending', NextAttemptAtMs = @NowMs
            WHERE RecipientMemberId = @MemberId AND State = 'waiting';
            """;
        return connection.ExecuteAsync(new CommandDefinition(
            Sql, new { MemberId = memberId, NowMs = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Fails the job permanently and marks the recipient's live conversation references dead, in one transaction.</summary>
    public Task<bool> FailUnreachableAsync(
        long id, string owner, long memberId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string DeadSql = """
            UPDATE ConversationReferences SET DeadAtMs = @NowMs, DeadReason = @Reason
            WHERE MemberId = @MemberId AND DeadAtMs IS NULL;
            """;
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                if (!await CompleteAsync(connection, transaction, id, owner, OutboxState.Failed, reason, attempted: true, now, cancellationToken))
                {
                    return false;
                }

                int rows = await connection.ExecuteAsync(new CommandDefinition(
                    DeadSql, new { MemberId = memberId, Reason = reason, NowMs = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
                if (rows > 0)
                {
                    await AuditStore.AppendAsync(
                        connection, transaction, new AuditEntry(Actor, "conversation-dead", "Member", Text(memberId), null, new { Reason = reason }), now, cancellationToken);
                }

                return true;
            },
            cancellationToken);
    }

    /// <summary>Voids the pending reminder and nudge jobs of a meeting, for occurrences not yet started, whose key is not in <paramref name="keep"/>.</summary>
    public Task<int> VoidMeetingJobsAsync(
        long meetingId, IReadOnlyCollection<string> keep, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string SelectSql = """
            SELECT Id, IdempotencyKey FROM Outbox
            WHERE MeetingId = @MeetingId AND Kind IN ('reminder', 'nudge') AND State IN ('pending', 'retrying')
              AND (NotAfterMs IS NULL OR NotAfterMs > @NowMs) AND IdempotencyKey NOT LIKE 'demo:%';
            """;
        const string VoidSql = """
            UPDATE Outbox SET State = 'voided', LastError = 'meeting changed or cancelled', CompletedAtMs = @NowMs,
                              LeaseUntilMs = 0, LeaseOwner = NULL
            WHERE Id IN @Ids AND State IN ('pending', 'retrying');
            """;
        HashSet<string> kept = new(keep, StringComparer.Ordinal);
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                IEnumerable<(long Id, string IdempotencyKey)> rows = await connection.QueryAsync<(long, string)>(new CommandDefinition(
                    SelectSql, new { MeetingId = meetingId, NowMs = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
                long[] ids = [.. rows.Where(row => !kept.Contains(row.IdempotencyKey)).Select(row => row.Id)];
                if (ids.Length == 0)
                {
                    return 0;
                }

                int voided = await connection.ExecuteAsync(new CommandDefinition(
                    VoidSql, new { Ids = ids, NowMs = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
                await AuditStore.AppendAsync(
                    connection, transaction, new AuditEntry(Actor, "voided", "Meeting", meetingId.ToString(CultureInfo.InvariantCulture), null, new { Jobs = ids }), now, cancellationToken);
                return voided;
            },
            cancellationToken);
    }

    /// <summary>Gives back the leases of <paramref name="owner"/> (on shutdown), so another dispatcher need not wait for them to expire.</summary>
    public Task<int> ReleaseLeasesAsync(string owner, CancellationToken cancellationToken)
    {
        const string Sql = "UPDATE Outbox SET LeaseUntilMs = 0, LeaseOwner = NULL WHERE LeaseOwner = @Owner AND State IN ('pending', 'retrying');";
        return db.WriteAsync(
            async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(Sql, new { Owner = owner }, transaction, cancellationToken: cancellationToken)),
            cancellationToken);
    }

    private static async Task<bool> CompleteAsync(
        SqliteConnection connection, SqliteTransaction transaction, long id, string owner, OutboxState state, string? reason,
        bool attempted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string Sql = """
            UPDATE Outbox SET State = @State, LastError = @Reason, Attempts = Attempts + @Attempted, CompletedAtMs = @NowMs,
                              LeaseUntilMs = 0, LeaseOwner = NULL
            WHERE Id = @Id AND LeaseOwner = @Owner AND State IN ('pending', 'retrying');
            """;
        string stateText = OutboxStates.ToText(state);
        int rows = await connection.ExecuteAsync(new CommandDefinition(
            Sql,
            new { Id = id, Owner = owner, State = stateText, Reason = reason, Attempted = attempted ? 1 : 0, NowMs = now.ToUnixTimeMilliseconds() },
            transaction,
            cancellationToken: cancellationToken));
        if (rows == 1)
        {
            await AuditStore.AppendAsync(
                connection, transaction, new AuditEntry(Actor, stateText, "Outbox", Text(id), null, new { State = stateText, Reason = reason }), now, cancellationToken);
        }

        return rows == 1;
    }

    /// <summary>
    /// Jobs [<paramref name="start"/>, <paramref name="end"/>) through one prepared command whose parameters are reset per
    /// row: Dapper would prepare the statement again for every row, which was most of the cost of planning a year.
    /// </summary>
    private static async Task<int> InsertChunkAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<NewOutboxJob> jobs, int start, int end,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = EnqueueSql;
        SqliteParameter kind = command.Parameters.Add("@Kind", SqliteType.Text);
        SqliteParameter key = command.Parameters.Add("@IdempotencyKey", SqliteType.Text);
        SqliteParameter due = command.Parameters.Add("@DueAtMs", SqliteType.Integer);
        SqliteParameter notAfter = command.Parameters.Add("@NotAfterMs", SqliteType.Integer);
        SqliteParameter recipient = command.Parameters.Add("@RecipientMemberId", SqliteType.Integer);
        SqliteParameter meeting = command.Parameters.Add("@MeetingId", SqliteType.Integer);
        SqliteParameter blocker = command.Parameters.Add("@BlockerId", SqliteType.Integer);
        SqliteParameter payload = command.Parameters.Add("@Payload", SqliteType.Text);
        SqliteParameter critical = command.Parameters.Add("@Critical", SqliteType.Integer);
        command.Parameters.Add("@NowMs", SqliteType.Integer).Value = now.ToUnixTimeMilliseconds();
        command.Prepare();
        int inserted = 0;
        for (int i = start; i < end; i++)
        {
            NewOutboxJob job = jobs[i];
            kind.Value = job.Kind;
            key.Value = job.IdempotencyKey;
            due.Value = job.DueAt.ToUnixTimeMilliseconds();
            notAfter.Value = (object?)job.NotAfter?.ToUnixTimeMilliseconds() ?? DBNull.Value;
            recipient.Value = (object?)job.RecipientMemberId ?? DBNull.Value;
            meeting.Value = (object?)job.MeetingId ?? DBNull.Value;
            blocker.Value = (object?)job.BlockerId ?? DBNull.Value;
            payload.Value = job.Payload;
            critical.Value = job.Critical ? 1 : 0;
            inserted += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return inserted;
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
