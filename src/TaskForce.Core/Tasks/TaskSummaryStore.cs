using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using TaskForce.Core.Access;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Tasks;

/// <summary>
/// The campaign summary counted in SQL, so its cost does not grow with the tasks it counts: the traffic lights are
/// counted by one aggregate over the covering index of migrations 0005 and 0008, and only the tasks a reply can show are read
/// in full. The light is <see cref="TrafficLight.Compute"/> written as a CASE over the task's dates, latest report
/// and escalated blockers, with today and the thresholds as parameters; the listed tasks get their light from
/// <see cref="TrafficLight.Compute"/> itself, as every other task view does.
/// </summary>
internal sealed class TaskSummaryStore(SqliteConnectionFactory connections, IOptions<TrafficLightOptions> lightOptions)
{
    /// <summary>
    /// The tasks in scope: open ones, of the campaign when one is given (a range on CampaignId, so the index serves both
    /// a campaign and the whole city), that the scope may see.
    /// </summary>
    private const string ScopeSql = "\n" + """
        t.ClosedAtMs IS NULL
          AND t.CampaignId BETWEEN @CampaignFrom AND @CampaignTo
          AND (@CityWide = 1 OR t.CampaignId IN @CampaignIds OR t.OwnerMemberId = @MemberId)
        """ + "\n";

    /// <summary>
    /// <see cref="TrafficLight.Compute"/> as SQL, giving the <see cref="Light"/> value (0 green, 1 yellow, 2 red,
    /// 3 done). Closed tasks are not in scope, so done means 100%. The expected percent rounds half away from zero as
    /// (200 × elapsed + span) / (2 × span) in integers, written as (200 × today + deadline − 201 × start) / (2 × (deadline
    /// − start)) in julian days: every julianday() of a date ends in .5, so both sides are exact whole numbers, and each
    /// julianday() is read from the covering index (migration 0008), which holds it for both dates, so no date text is
    /// parsed per task. "Deadline near" compares dates. A "behind" report counts only below 序时进度, so with it the
    /// yellow threshold is any point behind: "more than Y behind, or behind and more than 0" is "more than min(Y, 0)".
    /// </summary>
    private const string LightSql = "\n" + """
        CASE
          WHEN IFNULL(t.LatestPercent, 0) >= 100 THEN 3
          WHEN t.Deadline < @Today
            OR t.Id IN (SELECT b.TaskId FROM Blockers b WHERE b.State IN ('open', 'acknowledged') AND b.Level > 0) THEN 2
          WHEN (CASE WHEN t.StartDate >= @Today THEN 0
                     WHEN t.Deadline <= @Today THEN 100
                     ELSE CAST(200 * @TodayJulian + julianday(t.Deadline) - 201 * julianday(t.StartDate) AS INTEGER)
                          / CAST(2 * (julianday(t.Deadline) - julianday(t.StartDate)) AS INTEGER)
                END) - IFNULL(t.LatestPercent, 0) > @RedBehindPoints THEN 2
          WHEN (CASE WHEN t.StartDate >= @Today THEN 0
                     WHEN t.Deadline <= @Today THEN 100
                     ELSE CAST(200 * @TodayJulian + julianday(t.Deadline) - 201 * julianday(t.StartDate) AS INTEGER)
                          / CAST(2 * (julianday(t.Deadline) - julianday(t.StartDate)) AS INTEGER)
                END) - IFNULL(t.LatestPercent, 0) > CASE WHEN t.LatestStatus = 'behind' THEN MIN(@YellowBehindPoints, 0) ELSE @YellowBehindPoints END
            OR (t.Deadline <= @NearDeadline AND IFNULL(t.LatestPercent, 0) < @DeadlineNearMinPercent) THEN 1
          ELSE 0
        END
        """ + "\n";

    /// <summary>How many tasks in scope have each light.</summary>
    internal const string CountSql = "SELECT " + LightSql + " AS Light, COUNT(*) AS Tasks FROM Tasks t WHERE " + ScopeSql + " GROUP BY 1;";

    /// <summary>
    /// The tasks a summary lists: the first @Rows overdue ones (past the deadline and unfinished, so red) by deadline,
    /// and the first @Rows red or yellow ones that are not overdue, red first, then by deadline.
    /// </summary>
    internal const string ListSql = """
        WITH picked AS (
          SELECT Id, 0 AS Part, 0 AS Light, Deadline FROM (
            SELECT t.Id, t.Deadline FROM Tasks t
            WHERE t.Deadline < @Today AND IFNULL(t.LatestPercent, 0) < 100 AND
        """ + ScopeSql + """

            ORDER BY t.Deadline, t.Id LIMIT @Rows)
          UNION ALL
          SELECT Id, 1 AS Part, Light, Deadline FROM (
            SELECT Id, Light, Deadline FROM (
              SELECT t.Id, t.Deadline,
        """ + LightSql + """
         AS Light
              FROM Tasks t WHERE t.Deadline >= @Today AND
        """ + ScopeSql + """
        )
            WHERE Light IN (1, 2)
            ORDER BY Light DESC, Deadline, Id LIMIT @Rows))
        SELECT p.Part, t.Id, t.Key, t.CampaignId, c.Name AS CampaignName, c.NameEn AS CampaignNameEn, t.Title, t.TitleEn, t.Aliases,
               t.OwnerMemberId, m.Name AS OwnerName, t.DepartmentId, d.Name AS DepartmentName, d.NameEn AS DepartmentNameEn,
               t.StartDate, t.Deadline, t.LatestPercent, t.LatestStatus, t.LatestReportAtMs, t.ClosedAtMs,
               (SELECT COUNT(*) FROM Blockers b WHERE b.TaskId = t.Id AND b.State IN ('open', 'acknowledged')) AS OpenBlockers,
               (SELECT b.Text FROM Blockers b WHERE b.TaskId = t.Id AND b.State IN ('open', 'acknowledged') AND b.Level > 0
                ORDER BY b.Level DESC, b.RaisedAtMs, b.Id LIMIT 1) AS EscalatedBlocker
        FROM picked p
        JOIN Tasks t ON t.Id = p.Id
        JOIN Campaigns c ON c.Id = t.CampaignId
        JOIN Members m ON m.Id = t.OwnerMemberId
        JOIN Departments d ON d.Id = t.DepartmentId
        ORDER BY p.Part, p.Light DESC, p.Deadline, p.Id;
        """;

    /// <summary>Owners of open, unfinished tasks in scope with no report on them since @SinceMs, by name.</summary>
    internal const string NonReportersSql = """
        SELECT m.Id AS MemberId, m.Name, q.OpenTasks
        FROM (SELECT t.OwnerMemberId, COUNT(*) AS OpenTasks FROM Tasks t
              WHERE IFNULL(t.LatestPercent, 0) < 100 AND (t.LatestReportAtMs IS NULL OR t.LatestReportAtMs < @SinceMs) AND
        """ + ScopeSql + """

              GROUP BY t.OwnerMemberId) q
        JOIN Members m ON m.Id = q.OwnerMemberId
        ORDER BY m.Name, m.Id;
        """;

    /// <summary>
    /// The most tasks each summary list carries: the longest list any reply shows (the leader tools' 50 rows; the
    /// summary card shows 5 of each).
    /// </summary>
    public const int ListedRows = 50;

    /// <summary>julianday('0001-01-01'): adding it to a <see cref="DateOnly.DayNumber"/> gives that date's julianday().</summary>
    private const double JulianDayOfDayNumberZero = 1721425.5;

    public async Task<CampaignSummary> SummarizeAsync(
        AccessScope scope, long? campaignId, DateOnly today, DateTimeOffset reportedSince, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        TrafficLightOptions options = lightOptions.Value;
        object parameters = Parameters(scope, campaignId, today, options, reportedSince);
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        Dictionary<Light, int> counts = Enum.GetValues<Light>().ToDictionary(light => light, _ => 0);
        foreach ((long light, long tasks) in await connection.QueryAsync<(long, long)>(new CommandDefinition(CountSql, parameters, cancellationToken: cancellationToken)))
        {
            counts[(Light)light] = (int)tasks;
        }

        List<TaskView> overdue = [];
        List<TaskView> attention = [];
        foreach (ListedRow row in await connection.QueryAsync<ListedRow>(new CommandDefinition(ListSql, parameters, cancellationToken: cancellationToken)))
        {
            (row.Part == 0 ? overdue : attention).Add(row.ToView(today, options));
        }

        IEnumerable<NonReporterRow> quiet = await connection.QueryAsync<NonReporterRow>(
            new CommandDefinition(NonReportersSql, parameters, cancellationToken: cancellationToken));

        // Overdue tasks are red with the earliest deadlines, so the red and yellow list starts with them (the same
        // instances: the summary card leaves out of its attention list what the overdue list holds).
        return new CampaignSummary(
            campaignId,
            counts,
            overdue,
            [.. overdue.Concat(attention)],
            [.. quiet.Select(r => r.ToNonReporter())],
            reportedSince);
    }

    internal static object Parameters(AccessScope scope, long? campaignId, DateOnly today, TrafficLightOptions options, DateTimeOffset reportedSince) => new
    {
        CampaignFrom = campaignId ?? long.MinValue,
        CampaignTo = campaignId ?? long.MaxValue,
        scope.CityWide,
        CampaignIds = scope.CampaignIds.ToArray(),
        scope.MemberId,
        Today = TaskStore.Format(today),
        options.RedBehindPoints,
        options.YellowBehindPoints,
        TodayJulian = today.DayNumber + JulianDayOfDayNumberZero,
        NearDeadline = TaskStore.Format(today.AddDays(options.DeadlineNearDays)),
        options.DeadlineNearMinPercent,
        Rows = ListedRows,
        SinceMs = reportedSince.ToUnixTimeMilliseconds(),
    };

    /// <summary>A listed task, read and turned into a view exactly as <see cref="TaskStore.QueryAsync(AccessScope, TaskFilter, DateOnly, CancellationToken)"/> does.</summary>
    private sealed record ListedRow : TaskRow
    {
        public long Part { get; init; }
    }
}
