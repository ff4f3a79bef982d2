using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace TaskForce.Core.Storage;

/// <summary>Opens connections with the per-connection pragmas every caller needs.</summary>
public sealed class SqliteConnectionFactory(IOptions<StorageOptions> options)
{
    private readonly string _pragmas = string.Create(
        CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout = {(long)options.Value.BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = {options.Value.Synchronous.ToUpperInvariant()};");

    public string ConnectionString { get; } = options.Value.ConnectionString;

    public string? DataSourcePath => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
