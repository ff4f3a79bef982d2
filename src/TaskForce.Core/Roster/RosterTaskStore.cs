using Dapper;
using Microsoft.Data.Sqlite;

namespace TaskForce.Core.Roster;

/// <summary>Tasks with their supporting departments and milestones, and the progress and blockers a roster seeds.</summary>
internal static class RosterTaskStore
{
    /// <summary>Channel id of the reports a roster file seeds; their activity id is "roster:{task key}".</summary>
    public const string SeedChannel = "roster";

    public static async Task<Dictionary<string, TaskRow>> LoadTasksAsync(
        SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT t.Key, c.Key AS Campaign, b.Key AS Battle, t.Title, t.TitleEn, t.Aliases, o.Key AS Owner, d.Key AS Department,
                   t.StartDate, t.Deadline, t.KeySupervision
            FROM Tasks t
            JOIN Campaigns c ON c.Id = t.CampaignId
            LEFT JOIN Battles b ON b.Id = t.BattleId
            JOIN Members o ON o.Id = t.OwnerMemberId
            JOIN Departments d ON d.Id = t.DepartmentId;
            """;
        const string SupportSql = """
            SELECT t.Key AS Task, d.Key AS Department
            FROM TaskSupportDepartments s JOIN Tasks t ON t.Id = s.TaskId JOIN Departments d ON d.Id = s.DepartmentId;
            """;
        const string MilestonesSql = """
            SELECT t.Key AS Task, m.Title, m.TitleEn, m.DueDate, m.DoneDate
            FROM Milestones m JOIN Tasks t ON t.Id = m.TaskId ORDER BY m.TaskId, m.Ordinal;
            """;
        IEnumerable<TaskData> rows = await connection.QueryAsync<TaskData>(new CommandDefinition(Sql, transaction: transaction, cancellationToken: cancellationToken));
        ILookup<string, string> support = (await connection.QueryAsync<(string Task, string Department)>(
            new CommandDefinition(SupportSql, transaction: transaction, cancellationToken: cancellationToken)))
            .ToLookup(s => s.Task, s => s.Department, StringComparer.Ordinal);
        ILookup<string, MilestoneRow> milestones = (await connection.QueryAsync<MilestoneRow>(
            new CommandDefinition(MilestonesSql, transaction: transaction, cancellationToken: cancellationToken)))
            .ToLookup(m => m.Task, StringComparer.Ordinal);
        return rows.ToDictionary(
            r => r.Key,
            r => new TaskRow(
                r.Key, r.Campaign, r.Battle, r.Title, r.TitleEn, r.Aliases, r.Owner, r.Department, r.StartDate, r.Deadline, r.KeySupervision,
                SupportJson(support[r.Key]), MilestonesJson(milestones[r.Key])),
            StringComparer.Ordinal);
    }

    public static string SupportJson(IEnumerable<string> departments) =>
        RosterJson.Serialize(departments.Distinct().Order(StringComparer.Ordinal));

    public static string MilestonesJson(IEnumerable<MilestoneRow> milestones) =>
        RosterJson.Serialize(milestones.Select(m => new { m.Title, m.TitleEn, Due = m.DueDate, Done = m.DoneDate }));

    public static async Task<HashSet<string>> LoadSeededProgressAsync(
        SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT ActivityId FROM Reports WHERE ChannelId = @Channel AND ActivityId IS NOT NULL;";
        IEnumerable<string> ids = await connection.QueryAsync<string>(
            new CommandDefinition(Sql, new { Channel = SeedChannel }, transaction, cancellationToken: cancellationToken));
        return new HashSet<string>(ids, StringComparer.Ordinal);
    }

    public static async Task<HashSet<string>> LoadSeededBlockersAsync(
        SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT ImportKey FROM Blockers WHERE ImportKey IS NOT NULL;";
        IEnumerable<string> keys = await connection.QueryAsync<string>(new CommandDefinition(Sql, transaction: transaction, cancellationToken: cancellationToken));
        return new HashSet<string>(keys, StringComparer.Ordinal);
    }

    public static async Task UpsertTaskAsync(
        SqliteConnection connection, SqliteTransaction transaction, TaskRow row, RosterTask task, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO Tasks (CampaignId, BattleId, Key, Title, TitleEn, Aliases, OwnerMemberId, DepartmentId, StartDate, Deadline, KeySupervision)
            VALUES ((SELECT Id FROM Campaigns WHERE Key = @Campaign),
                    (SELECT b.Id FROM Battles b JOIN Campaigns c ON c.Id = b.CampaignId WHERE c.Key = @Campaign AND b.Key = @Battle),
                    @Key, @Title, @TitleEn, @Aliases, (SELECT Id FROM Members WHERE Key = @Owner),
                    (SELECT Id FROM Departments WHERE Key = @Department), @StartDate, @Deadline, @KeySupervision)
            ON CONFLICT (Key) DO UPDATE SET CampaignId = excluded.CampaignId, BattleId = excluded.BattleId, Title = excluded.Title,
                TitleEn = excluded.TitleEn, Aliases = excluded.Aliases, OwnerMemberId = excluded.OwnerMemberId,
                DepartmentId = excluded.DepartmentId, StartDate = excluded.StartDate, Deadline = excluded.Deadline,
                KeySupervision = excluded.KeySupervision;
            """;
        const string DeleteSupportSql = "DELETE FROM TaskSupportDepartments WHERE TaskId = (SELECT Id FROM Tasks WHERE Key = @Key);";
        const string InsertSupportSql = """
            INSERT OR IGNORE INTO TaskSupportDepartments (TaskId, DepartmentId)
            VALUES ((SELECT Id FROM Tasks WHERE Key = @Task), (SELECT Id FROM Departments WHERE Key = @Department));
            """;
        const string DeleteMilestonesSql = "DELETE FROM Milestones WHERE TaskId = (SELECT Id FROM Tasks WHERE Key = @Key) AND Ordinal >= @Count;";
        const string UpsertMilestoneSql = """
            INSERT INTO Milestones (TaskId, Ordinal, Title, TitleEn, DueDate, DoneDate)
            VALUES ((SELECT Id FROM Tasks WHERE Key = @Task), @Ordinal, @Title, @TitleEn, @Due, @Done)
            ON CONFLICT (TaskId, Ordinal) DO UPDATE SET Title = excluded.Title, TitleEn = excluded.TitleEn,
                DueDate = excluded.DueDate, DoneDate = excluded.DoneDate;
            """;
        await connection.ExecuteAsync(new CommandDefinition(Sql, row, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(DeleteSupportSql, new { row.Key }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            InsertSupportSql, task.SupportingDepartments.Select(d => new { Task = row.Key, Department = d }), transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            DeleteMilestonesSql, new { row.Key, Count = task.Milestones.Count }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            UpsertMilestoneSql,
            task.Milestones.Select((m, i) => new { Task = row.Key, Ordinal = i, m.Title, m.TitleEn, m.Due, m.Done }),
            transaction,
            cancellationToken: cancellationToken));
    }

    public static async Task InsertProgressAsync(
        SqliteConnection connection, SqliteTransaction transaction, string taskKey, RosterProgress progress, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO Reports (TaskId, ReporterMemberId, Percent, Status, Text, ChannelId, ActivityId, CreatedAtMs)
            VALUES ((SELECT Id FROM Tasks WHERE Key = @Task), (SELECT Id FROM Members WHERE Key = @Reporter),
                    @Percent, @Status, @Text, @Channel, @ActivityId, @AtMs)
            RETURNING Id;
            """;
        const string LatestSql = """
            UPDATE Tasks SET LatestPercent = @Percent, LatestStatus = @Status, LatestReportId = @ReportId, LatestReportAtMs = @AtMs
            WHERE Key = @Task AND (LatestReportAtMs IS NULL OR LatestReportAtMs <= @AtMs);
            """;
        var args = new
        {
            Task = taskKey,
            progress.Reporter,
            progress.Percent,
            progress.Status,
            progress.Text,
            Channel = SeedChannel,
            ActivityId = SeedActivityId(taskKey),
            AtMs = progress.At.ToUnixTimeMilliseconds(),
        };
        long reportId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Sql, args, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            LatestSql, new { args.Percent, args.Status, ReportId = reportId, args.AtMs, args.Task }, transaction, cancellationToken: cancellationToken));
    }

    public static string SeedActivityId(string taskKey) => $"roster:{taskKey}";

    public static async Task InsertBlockerAsync(
        SqliteConnection connection, SqliteTransaction transaction, string taskKey, RosterBlocker blocker, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO Blockers (TaskId, RaisedByMemberId, Text, Category, Severity, Level, OwnerMemberId, State, RaisedAtMs, LevelSinceMs, ImportKey)
            VALUES ((SELECT Id FROM Tasks WHERE Key = @Task), (SELECT Id FROM Members WHERE Key = @RaisedBy), @Text, @Category, @Severity,
                    @Level, (SELECT Id FROM Members WHERE Key = @Owner), 'open', @AtMs, @AtMs, @Key)
            RETURNING Id;
            """;
        const string DepartmentSql = """
            INSERT OR IGNORE INTO BlockerDepartments (BlockerId, DepartmentId) VALUES (@BlockerId, (SELECT Id FROM Departments WHERE Key = @Department));
            """;
        const string EventSql = """
            INSERT INTO BlockerEvents (BlockerId, Kind, ActorMemberId, ToLevel, AtMs)
            VALUES (@BlockerId, 'raised', (SELECT Id FROM Members WHERE Key = @RaisedBy), @Level, @AtMs);
            """;
        long atMs = blocker.RaisedAt.ToUnixTimeMilliseconds();
        long id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            Sql,
            new { Task = taskKey, blocker.RaisedBy, blocker.Text, blocker.Category, blocker.Severity, blocker.Level, blocker.Owner, AtMs = atMs, blocker.Key },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            DepartmentSql, blocker.Departments.Select(d => new { BlockerId = id, Department = d }), transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            EventSql, new { BlockerId = id, blocker.RaisedBy, blocker.Level, AtMs = atMs }, transaction, cancellationToken: cancellationToken));
    }

    internal sealed record TaskRow(
        string Key, string Campaign, string? Battle, string Title, string? TitleEn, string Aliases, string Owner, string Department,
        string StartDate, string Deadline, long KeySupervision, string SupportingDepartments, string Milestones);

    private sealed record TaskData(
        string Key, string Campaign, string? Battle, string Title, string? TitleEn, string Aliases, string Owner, string Department,
        string StartDate, string Deadline, long KeySupervision);

    internal sealed record MilestoneRow(string Task, string Title, string? TitleEn, string DueDate, string? DoneDate);
}
