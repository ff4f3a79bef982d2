using Dapper;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Blockers;

/// <summary>
/// Who owns a blocker at each level of the escalation ladder: 0 the task's team leader (the battle's leader
/// when the task belongs to a battle), 1 the campaign's commander, 2 the lead city leader (顶格协调).
/// </summary>
public static class BlockerRouting
{
    public const int TopLevel = 2;

    public static async Task<long?> ResolveOwnerAsync(DbSession session, long taskId, int level, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        const string Sql = """
            SELECT COALESCE(
                CASE WHEN @Level = 0 THEN (SELECT bt.LeaderMemberId FROM Tasks t JOIN Battles bt ON bt.Id = t.BattleId WHERE t.Id = @TaskId) END,
                (SELECT r.MemberId FROM MemberRoles r JOIN Tasks t ON t.CampaignId = r.CampaignId
                 WHERE t.Id = @TaskId AND r.Role = @Role ORDER BY r.Id LIMIT 1));
            """;
        string role = level switch
        {
            0 => Members.Roles.TeamLead,
            1 => Members.Roles.Commander,
            _ => Members.Roles.CityLeader,
        };
        return await session.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            Sql, new { TaskId = taskId, Level = level, Role = role }, session.Transaction, cancellationToken: cancellationToken));
    }
}
