using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Storage;

namespace TaskForce.Bot.Operations;

/// <summary>The database half of /readyz: the schema version, and whether a write can start.</summary>
internal sealed class ReadinessStore(SqliteConnectionFactory connections)
{
    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        return await Migrator.GetVersionAsync(connection, cancellationToken);
    }

    /// <summary>Takes the write lock and changes the schema inside a transaction that is rolled back: nothing changes.</summary>
    public async Task ProbeWriteAsync(CancellationToken cancellationToken)
    {
        const string Begin = "BEGIN IMMEDIATE;";
        const string Write = "CREATE TABLE ReadinessProbe (Id INTEGER);";
        const string Rollback = "ROLLBACK;";
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Begin, cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(Write, cancellationToken: cancellationToken));
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition(Rollback, cancellationToken: CancellationToken.None));
        }
    }
}
