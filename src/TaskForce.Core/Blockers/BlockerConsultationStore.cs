using Dapper;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Blockers;

/// <summary>One department's part in a consultation (会商) on a blocker: who asked, and its reply once given.</summary>
public sealed record BlockerConsultation(
    long DepartmentId, string Department, string? DepartmentEn, long RequestedByMemberId, string? Reply, string? RepliedByName, string? RepliedByNameEn)
{
    public bool Replied => Reply is not null;

    public string LocalDepartment(string locale) =>
        locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(DepartmentEn) ? DepartmentEn : Department;
}

/// <summary>SQL for the BlockerConsultations table: the departments asked to consult on a blocker and their replies.</summary>
public static class BlockerConsultationStore
{
    private const string SelectConsultation = """
        SELECT c.BlockerId, c.DepartmentId, d.Name AS Department, d.NameEn AS DepartmentEn, c.RequestedByMemberId, c.Reply,
               m.Name AS RepliedByName, m.NameEn AS RepliedByNameEn
        FROM BlockerConsultations c
        JOIN Departments d ON d.Id = c.DepartmentId
        LEFT JOIN Members m ON m.Id = c.RepliedByMemberId
        """;

    /// <summary>Records that the department was asked; asking the same department again keeps the first request.</summary>
    public static Task AddAsync(DbSession session, long blockerId, long departmentId, long requestedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        const string Sql = """
            INSERT INTO BlockerConsultations (BlockerId, DepartmentId, RequestedByMemberId, RequestedAtMs)
            VALUES (@BlockerId, @DepartmentId, @RequestedBy, @AtMs)
            ON CONFLICT (BlockerId, DepartmentId) DO NOTHING;
            """;
        return session.Connection.ExecuteAsync(new CommandDefinition(
            Sql,
            new { BlockerId = blockerId, DepartmentId = departmentId, RequestedBy = requestedBy, AtMs = at.ToUnixTimeMilliseconds() },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>The consultation the member's department was asked to join on the blocker, or null.</summary>
    public static async Task<BlockerConsultation?> ForDepartmentAsync(DbSession session, long blockerId, long departmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        const string Sql = SelectConsultation + " WHERE c.BlockerId = @BlockerId AND c.DepartmentId = @DepartmentId;";
        Row? row = await session.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Sql, new { BlockerId = blockerId, DepartmentId = departmentId }, session.Transaction, cancellationToken: cancellationToken));
        return row?.ToConsultation();
    }

    /// <summary>Stores the department's reply; a later reply replaces the earlier one (both stay in the history).</summary>
    public static Task ReplyAsync(DbSession session, long blockerId, long departmentId, long memberId, string reply, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        const string Sql = """
            UPDATE BlockerConsultations SET Reply = @Reply, RepliedByMemberId = @MemberId, RepliedAtMs = @AtMs
            WHERE BlockerId = @BlockerId AND DepartmentId = @DepartmentId;
            """;
        return session.Connection.ExecuteAsync(new CommandDefinition(
            Sql,
            new { BlockerId = blockerId, DepartmentId = departmentId, MemberId = memberId, Reply = reply, AtMs = at.ToUnixTimeMilliseconds() },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>The consultations of each of the blockers, in the order they were asked.</summary>
    public static async Task<ILookup<long, BlockerConsultation>> ForBlockersAsync(
        System.Data.Common.DbConnection connection, IReadOnlyList<long> blockerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (blockerIds.Count == 0)
        {
            return Array.Empty<(long, BlockerConsultation)>().ToLookup(r => r.Item1, r => r.Item2);
        }

        const string Sql = SelectConsultation + " WHERE c.BlockerId IN @Ids ORDER BY c.BlockerId, c.RequestedAtMs, c.DepartmentId;";
        IEnumerable<Row> rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, new { Ids = blockerIds }, cancellationToken: cancellationToken));
        return rows.ToLookup(r => r.BlockerId, r => r.ToConsultation());
    }

    private sealed record Row(
        long BlockerId, long DepartmentId, string Department, string? DepartmentEn, long RequestedByMemberId, string? Reply, string? RepliedByName, string? RepliedByNameEn)
    {
        public BlockerConsultation ToConsultation() => new(DepartmentId, Department, DepartmentEn, RequestedByMemberId, Reply, RepliedByName, RepliedByNameEn);
    }
}
