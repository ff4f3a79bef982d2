using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Scheduling;

/// <summary>
/// What the reminder planner's report nudges need, read for a whole campaign at once: one query per meeting occurrence
/// instead of one per attendee.
/// </summary>
public sealed class NudgeStore(Database db)
{
    /// <summary>
    /// Open tasks of the campaign with no report since <paramref name="since"/> (none at all counts), by owner, each
    /// owner's by deadline.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<long>>> UnreportedTaskIdsByOwnerAsync(
        long campaignId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT OwnerMemberId, Id FROM Tasks
            WHERE CampaignId = @CampaignId AND ClosedAtMs IS NULL
              AND (LatestReportAtMs IS NULL OR LatestReportAtMs < @SinceMs)
            ORDER BY OwnerMemberId, Deadline, Id;
            """;
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        IEnumerable<(long OwnerMemberId, long Id)> rows = await connection.QueryAsync<(long, long)>(new CommandDefinition(
            Sql, new { CampaignId = campaignId, SinceMs = since.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        return rows.GroupBy(row => row.OwnerMemberId).ToDictionary(group => group.Key, group => (IReadOnlyList<long>)[.. group.Select(row => row.Id)]);
    }
}
