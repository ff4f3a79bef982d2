using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TaskForce.Core.Campaigns;

/// <summary>The roster version counter (bumped by triggers, migration 0006) and the task names kept with it.</summary>
public static class RosterStore
{
    public static Task<long> ReadVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT Version FROM RosterVersion WHERE Id = 1;", cancellationToken: cancellationToken));
    }

    /// <summary>Every open task's names, in the order of task lists (deadline, then id).</summary>
    public static async Task<IReadOnlyList<RosterTask>> ListOpenTaskNamesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        const string Sql = """
            SELECT Id, Title, TitleEn, Aliases FROM Tasks
            WHERE ClosedAtMs IS NULL
            ORDER BY Deadline, Id;
            """;
        IEnumerable<Row> rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new RosterTask(r.Id, r.Title, r.TitleEn, JsonSerializer.Deserialize<string[]>(r.Aliases) ?? []))];
    }

    private sealed record Row(long Id, string Title, string? TitleEn, string Aliases);
}
