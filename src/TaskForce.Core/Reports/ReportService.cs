using System.Globalization;
using Dapper;
using TaskForce.Core.Access;
using TaskForce.Core.Audit;
using TaskForce.Core.Members;
using TaskForce.Core.Storage;
using TaskForce.Core.Tasks;

namespace TaskForce.Core.Reports;

public enum ReportOutcome
{
    Saved,
    NotAllowed,
    TaskNotFound,
    TaskClosed,
    NothingToAmend,
}

/// <summary>What a member reports: percent and status may each be missing, the text may be empty.</summary>
public sealed record ReportDraft(long TaskId, int? Percent, string? Status, string Text);

public sealed record ReportResult(ReportOutcome Outcome, long? ReportId = null, TaskView? Task = null);

public sealed record LastReport(long Id, long TaskId, int? Percent, string? Status, string Text, DateTimeOffset CreatedAt);

/// <summary>
/// Saves progress reports (台账 rows) inside the turn's transaction and keeps the task's latest state in
/// the Tasks row, so summaries never scan the report history.
/// </summary>
public sealed class ReportService(TaskStore tasks, TimeProvider time)
{
    public async Task<ReportResult> SaveAsync(
        DbSession session, Member reporter, ReportDraft draft, string? channelId, string? activityId, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentNullException.ThrowIfNull(draft);
        TaskView? task = await FindAsync(session, reporter, draft.TaskId, today, cancellationToken);
        if (task is null || !AccessScope.For(reporter).CanReportOn(task.CampaignId, task.OwnerMemberId))
        {
            return new ReportResult(task is null ? ReportOutcome.TaskNotFound : ReportOutcome.NotAllowed, Task: task);
        }

        if (task.Closed)
        {
            return new ReportResult(ReportOutcome.TaskClosed, Task: task);
        }

        ReportDraft normalized = Normalize(draft);
        DateTimeOffset now = time.GetUtcNow();
        const string InsertSql = """
            INSERT INTO Reports (TaskId, ReporterMemberId, Percent, Status, Text, ChannelId, ActivityId, CreatedAtMs)
            VALUES (@TaskId, @ReporterMemberId, @Percent, @Status, @Text, @ChannelId, @ActivityId, @CreatedAtMs)
            ON CONFLICT (ChannelId, ActivityId) WHERE ActivityId IS NOT NULL DO NOTHING
            RETURNING Id;
            """;
        long? id = await session.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            InsertSql,
            new
            {
                normalized.TaskId,
                ReporterMemberId = reporter.Id,
                normalized.Percent,
                normalized.Status,
                normalized.Text,
                ChannelId = channelId,
                ActivityId = activityId,
                CreatedAtMs = now.ToUnixTimeMilliseconds(),
            },
            session.Transaction,
            cancellationToken: cancellationToken));
        if (id is null)
        {
            // The same activity was saved before (a channel retry): answer as saved, write nothing.
            return new ReportResult(ReportOutcome.Saved, null, await FindAsync(session, reporter, draft.TaskId, today, cancellationToken));
        }

        TaskView updated = await tasks.UpdateLatestAsync(session, task, today, cancellationToken);
        await AuditStore.AppendAsync(session.Connection, session.Transaction, new AuditEntry(Actor(reporter), "create", "Report", Id(id.Value), null, normalized), now, cancellationToken);
        return new ReportResult(ReportOutcome.Saved, id, updated);
    }

    /// <summary>Replaces the member's last report with <paramref name="draft"/> (its task stays the same).</summary>
    public async Task<ReportResult> AmendLastAsync(DbSession session, Member reporter, ReportDraft draft, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentNullException.ThrowIfNull(draft);
        LastReport? last = await GetLastAsync(session, reporter.Id, cancellationToken);
        if (last is null)
        {
            return new ReportResult(ReportOutcome.NothingToAmend);
        }

        ReportDraft normalized = Normalize(draft with { TaskId = last.TaskId });
        DateTimeOffset now = time.GetUtcNow();
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE Reports SET Percent = @Percent, Status = @Status, Text = @Text, AmendedAtMs = @AtMs WHERE Id = @Id;",
            new { last.Id, normalized.Percent, normalized.Status, normalized.Text, AtMs = now.ToUnixTimeMilliseconds() },
            session.Transaction,
            cancellationToken: cancellationToken));
        TaskView? task = await FindAsync(session, reporter, last.TaskId, today, cancellationToken);
        TaskView? updated = task is null ? null : await tasks.UpdateLatestAsync(session, task, today, cancellationToken);
        await AuditStore.AppendAsync(session.Connection, session.Transaction, new AuditEntry(Actor(reporter), "amend", "Report", Id(last.Id), last, normalized), now, cancellationToken);
        return new ReportResult(ReportOutcome.Saved, last.Id, updated);
    }

    public static async Task<LastReport?> GetLastAsync(DbSession session, long memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        const string Sql = """
            SELECT Id, TaskId, Percent, Status, Text, CreatedAtMs FROM Reports
            WHERE ReporterMemberId = @MemberId ORDER BY CreatedAtMs DESC, Id DESC LIMIT 1;
            """;
        LastRow? row = await session.Connection.QuerySingleOrDefaultAsync<LastRow>(new CommandDefinition(
            Sql, new { MemberId = memberId }, session.Transaction, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new LastReport(row.Id, row.TaskId, row.Percent is null ? null : (int)row.Percent, row.Status, row.Text, DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAtMs));
    }

    /// <summary>Done means 100 %, and 100 % means done.</summary>
    private static ReportDraft Normalize(ReportDraft draft) => draft switch
    {
        { Status: ReportStatuses.Done, Percent: null } => draft with { Percent = 100 },
        { Percent: 100, Status: null or ReportStatuses.InProgress or ReportStatuses.OnTrack } => draft with { Status = ReportStatuses.Done },
        _ => draft,
    };

    private async Task<TaskView?> FindAsync(DbSession session, Member reporter, long taskId, DateOnly today, CancellationToken cancellationToken)
    {
        // Look the task up without the scope, so "not yours" and "does not exist" can be told apart.
        var everything = new AccessScope(reporter.Id, CityWide: true, new HashSet<long>());
        IReadOnlyList<TaskView> found = await tasks.QueryAsync(
            session.Connection, session.Transaction, everything, new TaskFilter { TaskId = taskId, IncludeClosed = true }, today, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    private static string Actor(Member member) => "member:" + member.Key;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private sealed record LastRow(long Id, long TaskId, long? Percent, string? Status, string Text, long CreatedAtMs);
}
