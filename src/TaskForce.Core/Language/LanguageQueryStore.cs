using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Access;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Language;

/// <summary>A report as a leader's question sees it.</summary>
public sealed record ReportEntry(
    long Id, long TaskId, string TaskTitle, string? TaskTitleEn, long CampaignId, string ReporterName,
    int? Percent, string? Status, string Text, DateTimeOffset At);

/// <summary>An item decided at one occurrence of a meeting (议定事项).</summary>
public sealed record DecisionEntry(long Id, DateTimeOffset OccurrenceStart, string Text, string? OwnerName, string? DueDate, bool Done);

public sealed record MeetingEntry(
    long Id, long CampaignId, string Title, string? TitleEn, string RRule, string StartLocal, string? Location, bool Cancelled,
    IReadOnlyList<DecisionEntry> Decisions);

/// <summary>
/// Read-only queries behind the answers to leaders' questions. The caller's scope is applied in the SQL, as in
/// <see cref="Tasks.TaskStore"/>, so no argument a caller (or a language model acting for one) passes can widen it.
/// </summary>
public sealed class LanguageQueryStore(SqliteConnectionFactory connections)
{
    public async Task<IReadOnlyList<ReportEntry>> ListReportsSinceAsync(
        AccessScope scope, long? campaignId, long? taskId, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        const string Sql = """
            SELECT r.Id, r.TaskId, t.Title AS TaskTitle, t.TitleEn AS TaskTitleEn, t.CampaignId, m.Name AS ReporterName,
                   r.Percent, r.Status, r.Text, r.CreatedAtMs
            FROM Reports r
            JOIN Tasks t ON t.Id = r.TaskId
            JOIN Members m ON m.Id = r.ReporterMemberId
            WHERE (@CityWide = 1 OR t.CampaignId IN @CampaignIds OR t.OwnerMemberId = @MemberId)
              AND (@CampaignId IS NULL OR t.CampaignId = @CampaignId)
              AND (@TaskId IS NULL OR t.Id = @TaskId)
              AND r.CreatedAtMs >= @SinceMs
            ORDER BY r.CreatedAtMs DESC, r.Id DESC
            LIMIT @Limit;
            """;
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        IEnumerable<ReportRow> rows = await connection.QueryAsync<ReportRow>(new CommandDefinition(
            Sql,
            new
            {
                scope.CityWide,
                CampaignIds = scope.CampaignIds.ToArray(),
                scope.MemberId,
                CampaignId = campaignId,
                TaskId = taskId,
                SinceMs = since.ToUnixTimeMilliseconds(),
                Limit = limit,
            },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEntry())];
    }

    /// <summary>Whether the task exists and the scope may see it.</summary>
    public async Task<bool> CanSeeTaskAsync(AccessScope scope, long taskId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        const string Sql = """
            SELECT COUNT(*) FROM Tasks t
            WHERE t.Id = @TaskId AND (@CityWide = 1 OR t.CampaignId IN @CampaignIds OR t.OwnerMemberId = @MemberId);
            """;
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        long count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            Sql, new { TaskId = taskId, scope.CityWide, CampaignIds = scope.CampaignIds.ToArray(), scope.MemberId }, cancellationToken: cancellationToken));
        return count > 0;
    }

    /// <summary>Meetings of the campaigns in scope (or that the member attends), with the items decided since a point in time.</summary>
    public async Task<IReadOnlyList<MeetingEntry>> ListMeetingsAsync(
        AccessScope scope, long? campaignId, DateTimeOffset decidedSince, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        const string MeetingsSql = """
            SELECT mt.Id, mt.CampaignId, mt.Title, mt.TitleEn, mt.RRule, mt.StartLocal, mt.Location, mt.CancelledAtMs
            FROM Meetings mt
            WHERE (@CityWide = 1 OR mt.CampaignId IN @CampaignIds
                   OR EXISTS (SELECT 1 FROM MeetingAttendees a WHERE a.MeetingId = mt.Id AND a.MemberId = @MemberId))
              AND (@CampaignId IS NULL OR mt.CampaignId = @CampaignId)
            ORDER BY mt.CampaignId, mt.Id
            LIMIT @Limit;
            """;
        const string DecisionsSql = """
            SELECT d.Id, d.MeetingId, d.OccurrenceStartMs, d.Text, o.Name AS OwnerName, d.DueDate, d.DoneAtMs
            FROM MeetingDecisions d
            LEFT JOIN Members o ON o.Id = d.OwnerMemberId
            WHERE d.MeetingId IN @MeetingIds AND d.OccurrenceStartMs >= @SinceMs
            ORDER BY d.OccurrenceStartMs DESC, d.Id
            LIMIT @Limit;
            """;
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        List<MeetingRow> meetings = [.. await connection.QueryAsync<MeetingRow>(new CommandDefinition(
            MeetingsSql,
            new { scope.CityWide, CampaignIds = scope.CampaignIds.ToArray(), scope.MemberId, CampaignId = campaignId, Limit = limit },
            cancellationToken: cancellationToken))];
        if (meetings.Count == 0)
        {
            return [];
        }

        IEnumerable<DecisionRow> decisions = await connection.QueryAsync<DecisionRow>(new CommandDefinition(
            DecisionsSql,
            new { MeetingIds = meetings.Select(m => m.Id).ToArray(), SinceMs = decidedSince.ToUnixTimeMilliseconds(), Limit = limit },
            cancellationToken: cancellationToken));
        ILookup<long, DecisionRow> byMeeting = decisions.ToLookup(d => d.MeetingId);
        return [.. meetings.Select(m => m.ToEntry([.. byMeeting[m.Id].Select(d => d.ToEntry())]))];
    }

    private sealed record ReportRow(
        long Id, long TaskId, string TaskTitle, string? TaskTitleEn, long CampaignId, string ReporterName,
        long? Percent, string? Status, string Text, long CreatedAtMs)
    {
        public ReportEntry ToEntry() => new(
            Id, TaskId, TaskTitle, TaskTitleEn, CampaignId, ReporterName, Percent is null ? null : (int)Percent.Value, Status, Text,
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedAtMs));
    }

    private sealed record MeetingRow(
        long Id, long CampaignId, string Title, string? TitleEn, string RRule, string StartLocal, string? Location, long? CancelledAtMs)
    {
        public MeetingEntry ToEntry(IReadOnlyList<DecisionEntry> decisions) =>
            new(Id, CampaignId, Title, TitleEn, RRule, StartLocal, Location, CancelledAtMs is not null, decisions);
    }

    private sealed record DecisionRow(long Id, long MeetingId, long OccurrenceStartMs, string Text, string? OwnerName, string? DueDate, long? DoneAtMs)
    {
        public DecisionEntry ToEntry() =>
            new(Id, DateTimeOffset.FromUnixTimeMilliseconds(OccurrenceStartMs), Text, OwnerName, DueDate, DoneAtMs is not null);
    }
}
