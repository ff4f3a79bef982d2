using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using TaskForce.Core.Access;
using TaskForce.Core.Tasks;

namespace TaskForce.Tests.Core.Domain;

/// <summary>
/// The summary counted in SQL against the traffic light computed in C# (<see cref="TaskStore.QueryAsync(AccessScope, TaskFilter, DateOnly, CancellationToken)"/>
/// and <see cref="TrafficLight.Compute"/>), on a varied dataset.
/// </summary>
public sealed class TaskSummaryTests
{
    private static readonly DateOnly s_today = new(2026, 11, 30);
    private static readonly DateTimeOffset s_now = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);
    private static readonly TrafficLightOptions s_strict = new() { YellowBehindPoints = 5, RedBehindPoints = 15, DeadlineNearDays = 3, DeadlineNearMinPercent = 50 };

    public static TheoryData<string> Thresholds => ["default", "strict"];

    [Theory]
    [MemberData(nameof(Thresholds))]
    public async Task SummarizeAsync_VariedTasks_MatchesLightsComputedInCode(string thresholds)
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await SeedAsync(db, seed: 8);
        TrafficLightOptions options = thresholds == "strict" ? s_strict : new TrafficLightOptions();
        var store = new TaskStore(db.Connections, Options.Create(options));
        (AccessScope Scope, long? CampaignId)[] asks =
        [
            (new AccessScope(1, CityWide: true, new HashSet<long>()), null),
            (new AccessScope(1, CityWide: true, new HashSet<long>()), 2),
            (new AccessScope(2, CityWide: false, new HashSet<long> { 1, 3 }), null),
            (new AccessScope(2, CityWide: false, new HashSet<long> { 1 }), 1),
            (new AccessScope(3, CityWide: false, new HashSet<long> { 1 }), 2),
            (new AccessScope(4, CityWide: false, new HashSet<long>()), null),
        ];
        DateTimeOffset since = s_now.AddDays(-7);

        foreach ((AccessScope scope, long? campaignId) in asks)
        {
            CampaignSummary summary = await store.SummarizeAsync(scope, campaignId, s_today, since, CancellationToken.None);
            Expected expected = await ExpectedAsync(store, scope, campaignId, since);

            Assert.Equal(expected.Counts, summary.Counts.ToList());
            Assert.Equal(Ids(expected.Overdue.Take(TaskSummaryStore.ListedRows)), Ids(summary.Overdue));
            Assert.Equal(Ids(expected.RedAndYellow.Take(TaskSummaryStore.ListedRows)), Ids(summary.RedAndYellow.Take(TaskSummaryStore.ListedRows)));
            Assert.Equal(Ids(expected.Attention.Take(5)), Ids(summary.RedAndYellow.Where(t => !summary.Overdue.Contains(t)).Take(5)));
            Assert.Equal(Ids(expected.Attention.Take(TaskSummaryStore.ListedRows)), Ids(summary.RedAndYellow.Where(t => !summary.Overdue.Contains(t))));
            Assert.Equal(expected.NonReporters, summary.NonReporters);
            Dictionary<long, TaskView> byId = expected.All.ToDictionary(t => t.Id);
            Assert.All(summary.RedAndYellow.Concat(summary.Overdue), t => AssertSameView(byId[t.Id], t));
        }

        CampaignSummary city = await store.SummarizeAsync(asks[0].Scope, null, s_today, since, CancellationToken.None);
        Assert.True(city.Counts.Values.All(n => n > 0), "every light occurs");
        Assert.True(city.Overdue.Count == TaskSummaryStore.ListedRows, "more overdue tasks than a summary lists");
        Assert.True(city.RedAndYellow.Count(t => !city.Overdue.Contains(t)) == TaskSummaryStore.ListedRows, "more red and yellow tasks than a summary lists");
    }

    [Fact]
    public async Task SummarizeAsync_NothingInScope_CountsZeroAndListsNothing()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        var store = new TaskStore(db.Connections, Options.Create(new TrafficLightOptions()));

        CampaignSummary summary = await store.SummarizeAsync(new AccessScope(1, CityWide: true, new HashSet<long>()), null, s_today, s_now, CancellationToken.None);

        Assert.Equal([Light.Green, Light.Yellow, Light.Red, Light.Done], summary.Counts.Keys);
        Assert.All(summary.Counts.Values, n => Assert.Equal(0, n));
        Assert.Empty(summary.Overdue);
        Assert.Empty(summary.RedAndYellow);
        Assert.Empty(summary.NonReporters);
    }

    [Fact]
    public async Task SummarizeAsync_ExpectedPercentAtHalf_RoundsAwayFromZeroLikeTheCode()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        var data = new DomainBuilder(db);
        long department = await data.DepartmentAsync();
        long campaign = await data.CampaignAsync();
        long owner = await data.MemberAsync(campaignId: campaign);
        long task = await data.TaskAsync(campaign, owner, department, start: "2026-11-25", deadline: "2027-01-04"); // 5 of 40 days: 12.5% → 13
        await Execute(db, "UPDATE Tasks SET LatestPercent = 2, LatestReportAtMs = 0 WHERE Id = @Id", new { Id = task });
        var store = new TaskStore(db.Connections, Options.Create(new TrafficLightOptions()));

        CampaignSummary summary = await store.SummarizeAsync(new AccessScope(owner, false, new HashSet<long>()), null, s_today, s_now, CancellationToken.None);

        Assert.Equal(1, summary.Counts[Light.Yellow]); // 13 − 2 = 11 points behind; rounding half to even would give 10, green
        Assert.Equal(Light.Yellow, Assert.Single(summary.RedAndYellow).Light);
    }

    [Theory]
    [InlineData(74, 0)] // 序时进度 74 %: at pace, the "behind" contradicts the percent
    [InlineData(90, 0)]
    [InlineData(73, 1)] // one point behind: the report's "behind" makes it yellow
    public async Task SummarizeAsync_BehindStatus_CountsOnlyBelowPaceLikeTheCode(int percent, int yellow)
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        var data = new DomainBuilder(db);
        long department = await data.DepartmentAsync();
        long campaign = await data.CampaignAsync();
        long owner = await data.MemberAsync(campaignId: campaign);
        long task = await data.TaskAsync(campaign, owner, department); // 2026-09-01 – 2026-12-31: 90 of 121 days
        await Execute(db, "UPDATE Tasks SET LatestPercent = @Percent, LatestStatus = 'behind', LatestReportAtMs = 0 WHERE Id = @Id", new { Id = task, Percent = percent });
        var store = new TaskStore(db.Connections, Options.Create(new TrafficLightOptions()));
        var scope = new AccessScope(owner, false, new HashSet<long>());

        CampaignSummary summary = await store.SummarizeAsync(scope, null, s_today, s_now, CancellationToken.None);
        TaskView view = (await store.QueryAsync(scope, new TaskFilter(), s_today, CancellationToken.None)).Single();

        Assert.Equal(yellow, summary.Counts[Light.Yellow]);
        Assert.Equal(1 - yellow, summary.Counts[Light.Green]);
        Assert.Equal(yellow == 1 ? Light.Yellow : Light.Green, view.Light);
    }

    [Fact]
    public async Task SummaryQueries_CampaignAndCity_ReadTheCoveringIndexNotTheTaskTable()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await SeedAsync(db, seed: 3);
        await using SqliteConnection connection = await db.OpenAsync();

        foreach (long? campaignId in new long?[] { 1, null })
        {
            object parameters = TaskSummaryStore.Parameters(
                new AccessScope(2, CityWide: campaignId is null, new HashSet<long> { 1 }), campaignId, s_today, new TrafficLightOptions(), s_now);
            foreach (string sql in new[] { TaskSummaryStore.CountSql, TaskSummaryStore.ListSql, TaskSummaryStore.NonReportersSql })
            {
                List<string> plan = [.. (await connection.QueryAsync<(long, long, long, string Detail)>("EXPLAIN QUERY PLAN " + sql, parameters)).Select(row => row.Detail)];
                List<string> taskReads = [.. plan.Where(d => d.StartsWith("SCAN t", StringComparison.Ordinal) || d.StartsWith("SEARCH t ", StringComparison.Ordinal))];

                Assert.NotEmpty(taskReads);
                Assert.All(taskReads, d => Assert.True(
                    d.Contains("COVERING INDEX IX_Tasks_Summary", StringComparison.Ordinal) || d.Contains("INTEGER PRIMARY KEY", StringComparison.Ordinal),
                    string.Join(" | ", plan)));
                Assert.DoesNotContain(plan, d => d.StartsWith("SCAN b", StringComparison.Ordinal));
            }
        }
    }

    private static void AssertSameView(TaskView expected, TaskView actual)
    {
        Assert.Equal(expected.Aliases, actual.Aliases);
        Assert.Equal(expected with { Aliases = [] }, actual with { Aliases = [] });
    }

    private static long[] Ids(IEnumerable<TaskView> tasks) => [.. tasks.Select(t => t.Id)];

    /// <summary>The summary as it was made before it was counted in SQL: every task listed, each light computed in code.</summary>
    private static async Task<Expected> ExpectedAsync(TaskStore store, AccessScope scope, long? campaignId, DateTimeOffset since)
    {
        IReadOnlyList<TaskView> all = await store.QueryAsync(scope, new TaskFilter { CampaignId = campaignId }, s_today, CancellationToken.None);
        List<KeyValuePair<Light, int>> counts = [.. Enum.GetValues<Light>().Select(light => KeyValuePair.Create(light, all.Count(t => t.Light == light)))];
        List<TaskView> overdue = [.. all.Where(t => t.Deadline < s_today && t.Light != Light.Done)];
        List<TaskView> redAndYellow = [.. all.Where(t => t.Light is Light.Red or Light.Yellow).OrderBy(t => t.Light == Light.Red ? 0 : 1).ThenBy(t => t.Deadline)];
        return new Expected(
            all, counts, overdue, redAndYellow, [.. redAndYellow.Where(t => !overdue.Contains(t))],
            await store.ListNonReportersAsync(scope, campaignId, since, CancellationToken.None));
    }

    /// <summary>
    /// Three campaigns, twelve members (ids 1–12) and 400 tasks with random schedules, progress, statuses, closures
    /// and report times around <see cref="s_today"/>, and 160 blockers at every level and state.
    /// </summary>
    private static async Task SeedAsync(TempDatabase db, int seed)
    {
        var random = new Random(seed);
        await using SqliteConnection connection = await db.OpenAsync();
        await using SqliteTransaction transaction = connection.BeginTransaction();
        await connection.ExecuteAsync("INSERT INTO Departments (Id, Key, Name, NameEn) VALUES (1, 'd1', 'Dept', 'Dept EN'), (2, 'd2', 'Other', NULL);", transaction: transaction);
        await connection.ExecuteAsync("INSERT INTO Campaigns (Id, Key, Name, NameEn) VALUES (1, 'c1', 'A', 'A en'), (2, 'c2', 'B', NULL), (3, 'c3', 'C', NULL);", transaction: transaction);
        for (int m = 1; m <= 12; m++)
        {
            await connection.ExecuteAsync("INSERT INTO Members (Id, Key, Name) VALUES (@Id, 'm' || @Id, @Name);", new { Id = m, Name = $"Member {(char)('A' + ((m * 5) % 12))}" }, transaction);
        }

        string[] statuses = ["in_progress", "behind", "on_track", "not_started", "done"];
        for (int t = 1; t <= 400; t++)
        {
            DateOnly start = s_today.AddDays(random.Next(-150, 30));
            DateOnly deadline = start.AddDays(random.Next(0, 10) == 0 ? random.Next(0, 3) : random.Next(0, 200));
            int? percent = random.Next(0, 8) switch { 0 => null, 1 => 100, _ => random.Next(0, 101) };
            await connection.ExecuteAsync(
                """
                INSERT INTO Tasks (Id, CampaignId, Key, Title, TitleEn, Aliases, OwnerMemberId, DepartmentId, StartDate, Deadline, ClosedAtMs,
                                   LatestPercent, LatestStatus, LatestReportAtMs)
                VALUES (@Id, @CampaignId, 't' || @Id, 'Task ' || @Id, @TitleEn, @Aliases, @Owner, @Department, @Start, @Deadline, @Closed,
                        @Percent, @Status, @ReportedMs);
                """,
                new
                {
                    Id = t,
                    CampaignId = random.Next(1, 4),
                    TitleEn = t % 3 == 0 ? null : $"Task {t} en",
                    Aliases = t % 4 == 0 ? """["alias", "other"]""" : "[]",
                    Owner = random.Next(1, 13),
                    Department = random.Next(1, 3),
                    Start = Date(start),
                    Deadline = Date(deadline),
                    Closed = random.Next(0, 10) == 0 ? s_now.AddDays(-3).ToUnixTimeMilliseconds() : (long?)null,
                    Percent = percent,
                    Status = percent is null ? null : statuses[random.Next(0, statuses.Length)],
                    ReportedMs = percent is null ? (long?)null : s_now.AddHours(-random.Next(0, 24 * 20)).ToUnixTimeMilliseconds(),
                },
                transaction);
        }

        string[] states = ["open", "acknowledged", "resolved", "closed"];
        for (int b = 1; b <= 160; b++)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO Blockers (TaskId, RaisedByMemberId, Text, Severity, Level, State, RaisedAtMs, LevelSinceMs)
                VALUES (@TaskId, 1, 'permit pending', 'high', @Level, @State, 0, 0);
                """,
                new { TaskId = random.Next(1, 401), Level = random.Next(0, 3), State = states[random.Next(0, states.Length)] },
                transaction);
        }

        await transaction.CommitAsync();
    }

    private static async Task Execute(TempDatabase db, string sql, object args)
    {
        await using SqliteConnection connection = await db.OpenAsync();
        await connection.ExecuteAsync(sql, args);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Expected(
        IReadOnlyList<TaskView> All,
        List<KeyValuePair<Light, int>> Counts,
        List<TaskView> Overdue,
        List<TaskView> RedAndYellow,
        List<TaskView> Attention,
        IReadOnlyList<NonReporter> NonReporters);
}
