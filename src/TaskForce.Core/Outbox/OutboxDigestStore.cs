using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using TaskForce.Core.Audit;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Outbox;

/// <summary>Folds a job over the daily noise budget into the recipient's digest of that day.</summary>
public sealed class OutboxDigestStore(Database db)
{
    /// <summary>
    /// Marks <paramref name="job"/> digested and appends it to the digest job <paramref name="digestKey"/> (created
    /// when missing). Returns false, changing nothing, when the lease was lost or that digest is already being sent
    /// or was sent — the job is then delivered normally rather than lost.
    /// </summary>
    public Task<bool> FoldAsync(
        OutboxJob job, string owner, string digestKey, string date, DateTimeOffset digestDueAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        const string DigestStateSql = "SELECT State, LeaseUntilMs FROM Outbox WHERE IdempotencyKey = @Key;";
        const string MarkSql = """
            UPDATE Outbox SET State = 'digested', LastError = @Key, CompletedAtMs = @NowMs, LeaseUntilMs = 0, LeaseOwner = NULL
            WHERE Id = @Id AND LeaseOwner = @Owner AND State IN ('pending', 'retrying');
            """;
        const string UpsertSql = """
            INSERT INTO Outbox (Kind, IdempotencyKey, DueAtMs, RecipientMemberId, Payload, NextAttemptAtMs, CreatedAtMs)
            VALUES ('digest', @Key, @DueMs, @MemberId, json_object('date', @Date, 'items', json_array(json(@Item))), @DueMs, @NowMs)
            ON CONFLICT(IdempotencyKey) DO UPDATE SET Payload = json_insert(Payload, '$.items[#]', json(@Item));
            """;
        long nowMs = now.ToUnixTimeMilliseconds();
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                DigestState? digest = await connection.QuerySingleOrDefaultAsync<DigestState>(new CommandDefinition(
                    DigestStateSql, new { Key = digestKey }, transaction, cancellationToken: cancellationToken));
                if (digest is not null && (digest.State is not ("pending" or "retrying") || digest.LeaseUntilMs > nowMs))
                {
                    return false;
                }

                if (await connection.ExecuteAsync(new CommandDefinition(
                        MarkSql, new { Id = job.Id, Owner = owner, Key = digestKey, NowMs = nowMs }, transaction, cancellationToken: cancellationToken)) != 1)
                {
                    return false;
                }

                await connection.ExecuteAsync(new CommandDefinition(
                    UpsertSql,
                    new { Key = digestKey, DueMs = digestDueAt.ToUnixTimeMilliseconds(), MemberId = job.RecipientMemberId, Date = date, Item = ItemJson(job), NowMs = nowMs },
                    transaction,
                    cancellationToken: cancellationToken));
                await AuditStore.AppendAsync(
                    connection, transaction, new AuditEntry("outbox", "digested", "Outbox", job.Id.ToString(CultureInfo.InvariantCulture), null, new { Digest = digestKey }), now, cancellationToken);
                return true;
            },
            cancellationToken);
    }

    private static string ItemJson(OutboxJob job) => new JsonObject
    {
        ["jobId"] = job.Id,
        ["kind"] = job.Kind,
        ["dueAtMs"] = job.DueAt.ToUnixTimeMilliseconds(),
        ["meetingId"] = job.MeetingId,
        ["blockerId"] = job.BlockerId,
        ["payload"] = JsonNode.Parse(job.Payload),
    }.ToJsonString();

    private sealed record DigestState(string State, long LeaseUntilMs);
}
