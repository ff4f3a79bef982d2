using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Outbox;

/// <summary>Read-only outbox queries: pacing and budget counts for the dispatcher, lists for the CLI.</summary>
public sealed class OutboxReadStore(Database db)
{
    /// <summary>When the last message to the member was sent, across all processes sharing the file.</summary>
    public async Task<DateTimeOffset?> LastSentAtAsync(long memberId, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT MAX(CompletedAtMs) FROM Outbox WHERE RecipientMemberId = @MemberId AND State = 'sent';";
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        long? ms = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(Sql, new { MemberId = memberId }, cancellationToken: cancellationToken));
        return ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
    }

    /// <summary>
    /// Keys of a meeting's reminders and nudges due since <paramref name="since"/> that are settled (sent, folded into
    /// a digest, skipped) or being sent right now (claimed under a live lease).
    /// </summary>
    public async Task<IReadOnlyList<string>> SettledMeetingKeysAsync(long meetingId, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT IdempotencyKey FROM Outbox
            WHERE MeetingId = @MeetingId AND Kind IN ('reminder', 'nudge') AND DueAtMs >= @SinceMs
              AND (State IN ('sent', 'digested', 'skipped') OR (State IN ('pending', 'retrying') AND LeaseUntilMs > @NowMs));
            """;
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(
            Sql, new { MeetingId = meetingId, SinceMs = since.ToUnixTimeMilliseconds(), NowMs = now.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken))];
    }

    /// <summary>Messages that count against the daily budget: sent, not critical, not digests, in [from, to).</summary>
    public async Task<int> CountBudgetedAsync(long memberId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT COUNT(*) FROM Outbox
            WHERE RecipientMemberId = @MemberId AND CompletedAtMs >= @FromMs AND CompletedAtMs < @ToMs
              AND State = 'sent' AND Critical = 0 AND Kind <> 'digest';
            """;
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            Sql, new { MemberId = memberId, FromMs = from.ToUnixTimeMilliseconds(), ToMs = to.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    /// <summary>Jobs for the CLI: pending (due or retrying), waiting for the member's first message, failed, or the most recent of any state.</summary>
    public async Task<IReadOnlyList<OutboxJob>> ListAsync(OutboxListFilter filter, int limit, CancellationToken cancellationToken)
    {
        const string PendingSql = "SELECT " + OutboxStore.JobColumns + " FROM Outbox WHERE State IN ('pending', 'retrying') ORDER BY NextAttemptAtMs, Id LIMIT @Limit;";
        const string FailedSql = "SELECT " + OutboxStore.JobColumns + " FROM Outbox WHERE State = 'failed' ORDER BY CreatedAtMs DESC, Id DESC LIMIT @Limit;";
        const string WaitingSql = "SELECT " + OutboxStore.JobColumns + " FROM Outbox WHERE State = 'waiting' ORDER BY RecipientMemberId, DueAtMs, Id LIMIT @Limit;";
        const string RecentSql = "SELECT " + OutboxStore.JobColumns + " FROM Outbox WHERE CompletedAtMs IS NOT NULL ORDER BY CompletedAtMs DESC LIMIT @Limit;";
        string sql = filter switch
        {
            OutboxListFilter.Pending => PendingSql,
            OutboxListFilter.Failed => FailedSql,
            OutboxListFilter.Waiting => WaitingSql,
            _ => RecentSql,
        };
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        IEnumerable<OutboxRow> rows = await connection.QueryAsync<OutboxRow>(new CommandDefinition(sql, new { Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToJob())];
    }

    /// <summary>All jobs of a meeting (any state), for the meetings CLI and tests.</summary>
    public async Task<IReadOnlyList<OutboxJob>> ListForMeetingAsync(long meetingId, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT " + OutboxStore.JobColumns + " FROM Outbox WHERE MeetingId = @MeetingId ORDER BY DueAtMs, Id;";
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        IEnumerable<OutboxRow> rows = await connection.QueryAsync<OutboxRow>(new CommandDefinition(Sql, new { MeetingId = meetingId }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToJob())];
    }

    /// <summary>Every job, in id order (for tests and exports; the table is pruned by nobody yet).</summary>
    public async Task<IReadOnlyList<OutboxJob>> ListAllAsync(CancellationToken cancellationToken)
    {
        const string Sql = "SELECT " + OutboxStore.JobColumns + " FROM Outbox ORDER BY Id;";
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        IEnumerable<OutboxRow> rows = await connection.QueryAsync<OutboxRow>(new CommandDefinition(Sql, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToJob())];
    }
}

public enum OutboxListFilter
{
    Pending,
    Waiting,
    Failed,
    Recent,
}
