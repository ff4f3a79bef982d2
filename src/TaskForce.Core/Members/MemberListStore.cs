using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Members;

/// <summary>Lists members with their roles and whether their chat accounts are linked and still reachable.</summary>
public sealed class MemberListStore(SqliteConnectionFactory connections)
{
    public async Task<IReadOnlyList<MemberListing>> ListAsync(CancellationToken cancellationToken)
    {
        // Dead: the member's most recently used conversation reference has failed permanently (DeadAtMs set).
        const string Sql = """
            SELECT m.Key, m.Name,
                   (SELECT group_concat(x.Role, ', ') FROM (
                        SELECT r.Role || IFNULL('@' || c.Key, '') AS Role FROM MemberRoles r
                        LEFT JOIN Campaigns c ON c.Id = r.CampaignId WHERE r.MemberId = m.Id ORDER BY 1) x) AS Roles,
                   d.Name AS Department,
                   (SELECT COUNT(*) FROM MemberAccounts a WHERE a.MemberId = m.Id) AS LinkedAccounts,
                   IFNULL((SELECT cr.DeadAtMs IS NOT NULL FROM ConversationReferences cr
                           WHERE cr.MemberId = m.Id ORDER BY cr.UpdatedAtMs DESC LIMIT 1), 0) AS Dead,
                   EXISTS (SELECT 1 FROM ConversationReferences cr WHERE cr.MemberId = m.Id AND cr.DeadAtMs IS NULL) AS Reachable,
                   (SELECT COUNT(*) FROM Outbox o WHERE o.RecipientMemberId = m.Id AND o.State = 'waiting') AS Waiting
            FROM Members m LEFT JOIN Departments d ON d.Id = m.DepartmentId
            ORDER BY m.Key;
            """;
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        IEnumerable<Row> rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new MemberListing(r.Key, r.Name, r.Roles, r.Department, r.LinkedAccounts, r.Dead != 0) { Reachable = r.Reachable != 0, Waiting = r.Waiting })];
    }

    private sealed record Row(string Key, string Name, string? Roles, string? Department, long LinkedAccounts, long Dead, long Reachable, long Waiting);
}
