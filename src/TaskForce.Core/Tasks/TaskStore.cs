using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using TaskForce.Core.Access;
using TaskForce.Core.Reports;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Tasks;

/// <summary>Task queries, always narrowed to what the asking member's scope allows.</summary>
public sealed class TaskStore(SqliteConnectionFactory connections, IOptions<TrafficLightOptions> lightOptions)
{
    /// <summary>The columns of <see cref="TaskRow"/>: a task with its names, open blocker count and escalated blocker.</summary>
    private const string TaskSelect = """
            SELECT t.Id, t.Key, t.CampaignId, c.Name AS CampaignName, c.NameEn AS CampaignNameEn, t.Title, t.TitleEn, t.Aliases,
                   t.OwnerMemberId, m.Name AS OwnerName, t.DepartmentId, d.Name AS DepartmentName, d.NameEn AS DepartmentNameEn,
                   t.StartDate, t.Deadline, t.LatestPercent, t.LatestStatus, t.LatestReportAtMs, t.ClosedAtMs,
                   (SELECT COUNT(*) FROM Blockers b WHERE b.TaskId = t.Id AND b.State IN ('open', 'acknowledged')) AS OpenBlockers,
                   (SELECT b.Text FROM Blockers b WHERE b.TaskId = t.Id AND b.State IN ('open', 'acknowledged') AND b.Level > 0
                    ORDER BY b.Level DESC, b.RaisedAtMs, b.Id LIMIT 1) AS EscalatedBlocker
            FROM Tasks t
            JOIN Campaigns c ON c.Id = t.CampaignId
            JOIN Members m ON m.Id = t.OwnerMemberId
            JOIN Departments d ON d.Id = t.DepartmentId

            """;

    public async Task<IReadOnlyList<TaskView>> QueryAsync(AccessScope scope, TaskFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        return await QueryAsync(connection, null, scope, filter, today, cancellationToken);
    }

    public async Task<IReadOnlyList<TaskView>> QueryAsync(
        SqliteConnection connection, SqliteTransaction? transaction, AccessScope scope, TaskFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(filter);
        const string Sql = TaskSelect + """
            WHERE (@CityWide = 1 OR t.CampaignId IN @CampaignIds OR t.OwnerMemberId = @MemberId)
              AND (@TaskId IS NULL OR t.Id = @TaskId)
              AND (@CampaignId IS NULL OR t.CampaignId = @CampaignId)
              AND (@OwnerMemberId IS NULL OR t.OwnerMemberId = @OwnerMemberId)
              AND (@DepartmentId IS NULL OR t.DepartmentId = @DepartmentId
                   OR EXISTS (SELECT 1 FROM TaskSupportDepartments s WHERE s.TaskId = t.Id AND s.DepartmentId = @DepartmentId))
              AND (@IncludeClosed = 1 OR t.ClosedAtMs IS NULL)
              AND (@DueFrom IS NULL OR t.Deadline >= @DueFrom)
              AND (@DueTo IS NULL OR t.Deadline <= @DueTo)
              AND (@OverdueBefore IS NULL OR (t.Deadline < @OverdueBefore AND IFNULL(t.LatestPercent, 0) < 100))
            ORDER BY t.Deadline, t.Id;
            """;
        IEnumerable<TaskRow> rows = await connection.QueryAsync<TaskRow>(new CommandDefinition(
            Sql,
            new
            {
                CityWide = scope.CityWide,
                CampaignIds = scope.CampaignIds.ToArray(),
                scope.MemberId,
                filter.TaskId,
                filter.CampaignId,
                filter.OwnerMemberId,
                filter.DepartmentId,
                filter.IncludeClosed,
                DueFrom = Format(filter.DueFrom),
                DueTo = Format(filter.DueTo),
                OverdueBefore = Format(filter.OverdueBefore),
            },
            transaction,
            cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToView(today, lightOptions.Value))];
    }

    /// <summary>
    /// Sets the task's latest report state from its reports and returns <paramref name="task"/>, read earlier in the
    /// same transaction, with that state. The latest report wins: one without a percent keeps the previous percent,
    /// but the status belongs to the report that gave the progress, so a percent-only report clears an older status
    /// (a "behind" must not outlive the report that said it).
    /// </summary>
    public async Task<TaskView> UpdateLatestAsync(DbSession session, TaskView task, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(task);
        const string Sql = """
            UPDATE Tasks SET
                LatestReportId = (SELECT Id FROM Reports WHERE TaskId = @TaskId ORDER BY CreatedAtMs DESC, Id DESC LIMIT 1),
                LatestReportAtMs = (SELECT MAX(CreatedAtMs) FROM Reports WHERE TaskId = @TaskId),
                LatestPercent = (SELECT Percent FROM Reports WHERE TaskId = @TaskId AND Percent IS NOT NULL ORDER BY CreatedAtMs DESC, Id DESC LIMIT 1),
                LatestStatus = (SELECT Status FROM Reports WHERE TaskId = @TaskId AND (Percent IS NOT NULL OR Status IS NOT NULL)
                                ORDER BY CreatedAtMs DESC, Id DESC LIMIT 1)
            WHERE Id = @TaskId
            RETURNING LatestPercent, LatestStatus, LatestReportAtMs, ClosedAtMs,
                (SELECT b.Text FROM Blockers b WHERE b.TaskId = Tasks.Id AND b.State IN ('open', 'acknowledged') AND b.Level > 0
                 ORDER BY b.Level DESC, b.RaisedAtMs, b.Id LIMIT 1) AS EscalatedBlocker;
            """;
        LatestRow row = await session.Connection.QuerySingleAsync<LatestRow>(new CommandDefinition(
            Sql, new { TaskId = task.Id }, session.Transaction, cancellationToken: cancellationToken));
        int? percent = row.LatestPercent is null ? null : (int)row.LatestPercent.Value;
        var progress = new TaskProgress(task.Start, task.Deadline, percent, row.ClosedAtMs is not null, row.LatestStatus == ReportStatuses.Behind, row.EscalatedBlocker);
        LightResult light = TrafficLight.Evaluate(progress, today, lightOptions.Value);
        return task with
        {
            Percent = percent,
            Status = TrafficLight.ShownStatus(row.LatestStatus, percent, task.Start, task.Deadline, today),
            LastReportAt = row.LatestReportAtMs is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.LatestReportAtMs.Value),
            Closed = row.ClosedAtMs is not null,
            Light = light.Light,
            Reason = light.Reason,
        };
    }

    public async Task<TaskView?> GetAsync(AccessScope scope, long taskId, DateOnly today, CancellationToken cancellationToken)
    {
        IReadOnlyList<TaskView> tasks = await QueryAsync(scope, new TaskFilter { TaskId = taskId, IncludeClosed = true }, today, cancellationToken);
        return tasks.Count == 0 ? null : tasks[0];
    }

    /// <summary>The open tasks a member may report on: the ones they own, and those of the campaigns they lead.</summary>
    public async Task<IReadOnlyList<TaskView>> ListReportableAsync(AccessScope scope, DateOnly today, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        return await ListReportableAsync(connection, scope, today, cancellationToken);
    }

    /// <summary>
    /// <see cref="ListReportableAsync(AccessScope, DateOnly, CancellationToken)"/> on a connection the caller holds. Each
    /// scope has its own statement, so a member's own tasks come from the owner index and a lead's from the campaign index
    /// instead of a scan of every task.
    /// </summary>
    public async Task<IReadOnlyList<TaskView>> ListReportableAsync(SqliteConnection connection, AccessScope scope, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(scope);
        const string Select = TaskSelect + """
            WHERE t.ClosedAtMs IS NULL
            """;
        const string CityWideSql = Select + " ORDER BY t.Deadline, t.Id;";
        const string OwnSql = Select + " AND t.OwnerMemberId = @MemberId ORDER BY t.Deadline, t.Id;";
        const string OwnOrLedSql = Select + " AND (t.OwnerMemberId = @MemberId OR t.CampaignId IN @CampaignIds) ORDER BY t.Deadline, t.Id;";
        string sql = scope.CityWide ? CityWideSql : scope.CampaignIds.Count == 0 ? OwnSql : OwnOrLedSql;
        IEnumerable<TaskRow> rows = await connection.QueryAsync<TaskRow>(new CommandDefinition(
            sql, new { scope.MemberId, CampaignIds = scope.CampaignIds.ToArray() }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToView(today, lightOptions.Value))];
    }

    /// <summary>Owners of open tasks in scope who have not reported on them since <paramref name="since"/>.</summary>
    public async Task<IReadOnlyList<NonReporter>> ListNonReportersAsync(
        AccessScope scope, long? campaignId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        const string Sql = """
            SELECT m.Id AS MemberId, m.Name, COUNT(t.Id) AS OpenTasks
            FROM Tasks t JOIN Members m ON m.Id = t.OwnerMemberId
            WHERE t.ClosedAtMs IS NULL AND IFNULL(t.LatestPercent, 0) < 100
              AND (@CityWide = 1 OR t.CampaignId IN @CampaignIds OR t.OwnerMemberId = @MemberId)
              AND (@CampaignId IS NULL OR t.CampaignId = @CampaignId)
              AND (t.LatestReportAtMs IS NULL OR t.LatestReportAtMs < @SinceMs)
            GROUP BY m.Id, m.Name
            ORDER BY m.Name;
            """;
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        IEnumerable<NonReporterRow> rows = await connection.QueryAsync<NonReporterRow>(new CommandDefinition(
            Sql,
            new { scope.CityWide, CampaignIds = scope.CampaignIds.ToArray(), scope.MemberId, CampaignId = campaignId, SinceMs = since.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToNonReporter())];
    }

    /// <summary>
    /// Traffic-light counts, overdue and red/yellow tasks and non-reporters of a campaign (or all in scope), counted in
    /// SQL; the lists hold the first <see cref="TaskSummaryStore.ListedRows"/> of each (see <see cref="CampaignSummary"/>).
    /// </summary>
    public Task<CampaignSummary> SummarizeAsync(
        AccessScope scope, long? campaignId, DateOnly today, DateTimeOffset reportedSince, CancellationToken cancellationToken) =>
        new TaskSummaryStore(connections, lightOptions).SummarizeAsync(scope, campaignId, today, reportedSince, cancellationToken);

    internal static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static DateOnly ParseDate(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record LatestRow(long? LatestPercent, string? LatestStatus, long? LatestReportAtMs, long? ClosedAtMs, string? EscalatedBlocker);
}
