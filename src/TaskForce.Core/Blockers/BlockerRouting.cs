using TaskForce.Core.Escalation;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Blockers;

/// <summary>
/// Who owns a new blocker: the same ladder escalation climbs — 0 the task's team leader (the battle's leader
/// when the task belongs to a battle), 1 the campaign's commander, 2 the lead city leader (顶格协调).
/// </summary>
public static class BlockerRouting
{
    public const int TopLevel = 2;

    public static Task<long?> ResolveOwnerAsync(DbSession session, long taskId, int level, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return EscalationStore.ResolveOwnerAsync(session.Connection, session.Transaction, taskId, level, cancellationToken);
    }
}
