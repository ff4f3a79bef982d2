using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Storage;

namespace TaskForce.Bot.Operations;

/// <summary>Counts of outbox rows by state, for the depth gauge.</summary>
internal sealed class OutboxMetricsStore(SqliteConnectionFactory connections)
{
    public IReadOnlyList<(string State, long Count)> CountByState()
    {
        const string Sql = "SELECT State, COUNT(*) AS Count FROM Outbox GROUP BY State;";
        // Observable instruments are read synchronously by the exporter; the query is one indexed scan.
        using SqliteConnection connection = connections.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        return [.. connection.Query<(string State, long Count)>(new CommandDefinition(Sql))];
    }
}
