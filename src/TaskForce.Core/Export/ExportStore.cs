using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Export;

/// <summary>Reads reports and blockers in a time range, with the names of their campaign, task, department and people.</summary>
public sealed class ExportStore(SqliteConnectionFactory connections)
{
    public async Task<IReadOnlyList<ReportExportRow>> ListReportsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT r.Id, r.CreatedAtMs, c.Name AS Campaign, t.Key AS TaskKey, t.Title AS Task, d.Name AS Department,
                   m.Name AS Reporter, r.Percent, r.Status, r.Text, r.ChannelId, r.AmendedAtMs
            FROM Reports r
            JOIN Tasks t ON t.Id = r.TaskId
            JOIN Campaigns c ON c.Id = t.CampaignId
            JOIN Departments d ON d.Id = t.DepartmentId
            JOIN Members m ON m.Id = r.ReporterMemberId
            WHERE r.CreatedAtMs >= @FromMs AND r.CreatedAtMs < @ToMs
            ORDER BY r.CreatedAtMs, r.Id;
            """;
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        IEnumerable<ReportExportRow> rows = await connection.QueryAsync<ReportExportRow>(new CommandDefinition(
            Sql, new { FromMs = from.ToUnixTimeMilliseconds(), ToMs = to.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<IReadOnlyList<BlockerExportRow>> ListBlockersAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT b.Id, b.RaisedAtMs, c.Name AS Campaign, t.Key AS TaskKey, t.Title AS Task, d.Name AS Department,
                   rb.Name AS RaisedBy, b.Severity, b.Level, b.State,
                   (SELECT group_concat(n.Name, '; ') FROM (SELECT bd_d.Name FROM BlockerDepartments bd
                        JOIN Departments bd_d ON bd_d.Id = bd.DepartmentId WHERE bd.BlockerId = b.Id ORDER BY bd_d.Name) n) AS DepartmentsNeeded,
                   b.Category, b.Text, o.Name AS Owner, b.AcknowledgedAtMs, b.ResolvedAtMs, b.ResolutionNote, b.ClosedAtMs
            FROM Blockers b
            JOIN Tasks t ON t.Id = b.TaskId
            JOIN Campaigns c ON c.Id = t.CampaignId
            JOIN Departments d ON d.Id = t.DepartmentId
            JOIN Members rb ON rb.Id = b.RaisedByMemberId
            LEFT JOIN Members o ON o.Id = b.OwnerMemberId
            WHERE b.RaisedAtMs >= @FromMs AND b.RaisedAtMs < @ToMs
            ORDER BY b.RaisedAtMs, b.Id;
            """;
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        IEnumerable<BlockerExportRow> rows = await connection.QueryAsync<BlockerExportRow>(new CommandDefinition(
            Sql, new { FromMs = from.ToUnixTimeMilliseconds(), ToMs = to.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        return [.. rows];
    }
}
