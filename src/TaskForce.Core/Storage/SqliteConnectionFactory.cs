using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace TaskForce.Core.Storage;

/// <summary>
/// Opens connections with the per-connection pragmas every caller needs. Pooled connections keep their native
/// handle, and a pragma set on a handle stays set, so the pragmas run once per native handle, not once per open.
/// </summary>
public sealed class SqliteConnectionFactory(IOptions<StorageOptions> options)
{
    private readonly string _pragmas = string.Create(
        CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout = {(long)options.Value.BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = {options.Value.Synchronous.ToUpperInvariant()};");

    /// <summary>The native handles that already carry the pragmas; an entry goes away with its handle.</summary>
    private readonly ConditionalWeakTable<sqlite3, object> _prepared = [];

    public string ConnectionString { get; } = options.Value.ConnectionString;

    public string? DataSourcePath => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            sqlite3 handle = connection.Handle!;
            if (!_prepared.TryGetValue(handle, out _))
            {
                using SqliteCommand command = connection.CreateCommand();
                command.CommandText = _pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken);
                _prepared.AddOrUpdate(handle, handle);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
