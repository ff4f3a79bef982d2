using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Blockers;
using TaskForce.Core.Reports;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Meetings;

/// <summary>Reads what a meeting brief shows: the campaign's tasks and open blockers, and task titles for nudges.</summary>
public sealed class MeetingBriefStore(Database db)
{
    public async Task<(string Name, string? NameEn)> CampaignNameAsync(long campaignId, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT Name, NameEn FROM Campaigns WHERE Id = @Id;";
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        (string Name, string? NameEn) row = await connection.QuerySingleAsync<(string, string?)>(new CommandDefinition(Sql, new { Id = campaignId }, cancellationToken: cancellationToken));
        return row;
    }

    public async Task<IReadOnlyList<BriefTaskRow>> TasksAsync(long campaignId, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT Id, Title, TitleEn, StartDate, Deadline, LatestPercent, LatestStatus, ClosedAtMs
            FROM Tasks WHERE CampaignId = @CampaignId ORDER BY Deadline, Id;
            """;
        // Highest level first, then oldest: the first text of each task is the one its light names.
        const string EscalatedSql = """
            SELECT b.TaskId, b.Text FROM Tasks t JOIN Blockers b ON b.TaskId = t.Id
            WHERE t.CampaignId = @CampaignId AND b.State IN ('open', 'acknowledged') AND b.Level > 0
            ORDER BY b.Level DESC, b.RaisedAtMs, b.Id;
            """;
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        IEnumerable<TaskRow> rows = await connection.QueryAsync<TaskRow>(new CommandDefinition(Sql, new { CampaignId = campaignId }, cancellationToken: cancellationToken));
        Dictionary<long, string> escalated = [];
        foreach ((long taskId, string text) in await connection.QueryAsync<(long, string)>(new CommandDefinition(EscalatedSql, new { CampaignId = campaignId }, cancellationToken: cancellationToken)))
        {
            escalated.TryAdd(taskId, text);
        }

        return [.. rows.Select(row => row.ToBrief(escalated.GetValueOrDefault(row.Id)))];
    }

    public async Task<IReadOnlyList<BriefTask>> TasksByIdAsync(IReadOnlyList<long> taskIds, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT Id, Title, TitleEn, StartDate, Deadline, LatestPercent, LatestStatus, ClosedAtMs FROM Tasks WHERE Id IN @Ids ORDER BY Deadline, Id;";
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        IEnumerable<TaskRow> rows = await connection.QueryAsync<TaskRow>(new CommandDefinition(Sql, new { Ids = taskIds }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToBrief(escalatedBlocker: null).Task)];
    }

    public async Task<IReadOnlyList<BriefBlocker>> OpenBlockersAsync(long campaignId, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT b.Id, b.TaskId, t.Title AS TaskTitle, t.TitleEn AS TaskTitleEn, b.Text, b.Severity, b.Level, b.RaisedAtMs
            FROM Blockers b JOIN Tasks t ON t.Id = b.TaskId
            WHERE t.CampaignId = @CampaignId AND b.State IN ('open', 'acknowledged')
            ORDER BY b.Level DESC, b.RaisedAtMs;
            """;
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        BlockerRow[] rows = [.. await connection.QueryAsync<BlockerRow>(new CommandDefinition(Sql, new { CampaignId = campaignId }, cancellationToken: cancellationToken))];
        ILookup<long, BlockerConsultation> consultations = await BlockerConsultationStore.ForBlockersAsync(connection, [.. rows.Select(r => r.Id)], cancellationToken);
        return
        [
            .. rows.Select(r => new BriefBlocker(r.Id, r.TaskId, r.TaskTitle, r.TaskTitleEn, r.Text, r.Severity, (int)r.Level, DateTimeOffset.FromUnixTimeMilliseconds(r.RaisedAtMs))
            {
                Consultations = [.. consultations[r.Id]],
            }),
        ];
    }

    private sealed record BlockerRow(long Id, long TaskId, string TaskTitle, string? TaskTitleEn, string Text, string Severity, long Level, long RaisedAtMs);

    private sealed record TaskRow(
        long Id, string Title, string? TitleEn, string StartDate, string Deadline, long? LatestPercent, string? LatestStatus, long? ClosedAtMs)
    {
        public BriefTaskRow ToBrief(string? escalatedBlocker)
        {
            DateOnly deadline = DateOnly.ParseExact(Deadline, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return new BriefTaskRow(
                new BriefTask(Id, Title, TitleEn, (int?)LatestPercent, deadline),
                DateOnly.ParseExact(StartDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                LatestStatus == ReportStatuses.Behind,
                ClosedAtMs is not null,
                escalatedBlocker);
        }
    }
}

/// <summary>A task with what its traffic light is computed from; <see cref="EscalatedBlocker"/> as in <see cref="TaskForce.Core.Tasks.TaskProgress.BlockerPastSla"/>.</summary>
public sealed record BriefTaskRow(BriefTask Task, DateOnly Start, bool ReportedBehind, bool Closed, string? EscalatedBlocker);
