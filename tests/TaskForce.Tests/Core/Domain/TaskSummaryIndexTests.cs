using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Access;
using TaskForce.Core.Tasks;

namespace TaskForce.Tests.Core.Domain;

/// <summary>The summary's light reads each date's julianday() from the summary index instead of parsing the text per task.</summary>
public sealed class TaskSummaryIndexTests
{
    private static readonly DateOnly s_today = new(2026, 11, 30);
    private static readonly DateTimeOffset s_now = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1L)]
    [InlineData(null)]
    public async Task LightQueries_CampaignAndCity_CallNoDateFunction(long? campaignId)
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await using SqliteConnection connection = await db.OpenAsync();
        object parameters = TaskSummaryStore.Parameters(
            new AccessScope(2, CityWide: campaignId is null, new HashSet<long> { 1 }), campaignId, s_today, new TrafficLightOptions(), s_now);

        foreach (string sql in new[] { TaskSummaryStore.CountSql, TaskSummaryStore.ListSql })
        {
            List<string> functions = [.. (await connection.QueryAsync<ProgramStep>("EXPLAIN " + sql, parameters))
                .Where(step => step.Opcode.StartsWith("Function", StringComparison.Ordinal) || step.Opcode == "PureFunc")
                .Select(step => step.P4 ?? string.Empty)];

            Assert.DoesNotContain(functions, f => f.Contains("julianday", StringComparison.Ordinal));
        }
    }

    private sealed record ProgramStep
    {
        public string Opcode { get; init; } = string.Empty;

        public string? P4 { get; init; }
    }
}
