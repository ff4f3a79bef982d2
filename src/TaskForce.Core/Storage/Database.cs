using Microsoft.Data.Sqlite;

namespace TaskForce.Core.Storage;

/// <summary>
/// The single in-process writer. Every write runs inside <c>WriteAsync</c>: one async lock, one
/// connection, one IMMEDIATE transaction, committed or rolled back as a whole. Other processes sharing the
/// file are waited for through busy_timeout.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The lock has no wait handle; it must outlive the container so workers can write during shutdown.")]
public sealed class Database(SqliteConnectionFactory connections)
{
    // Never disposed: it has no wait handle to release, and hosted services still write while the host shuts down.
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public SqliteConnectionFactory Connections => connections;

    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => connections.OpenAsync(cancellationToken);

    public async Task<T> WriteAsync<T>(
        Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            T result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task WriteAsync(Func<SqliteConnection, SqliteTransaction, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WriteAsync<bool>(
            async (connection, transaction) =>
            {
                await work(connection, transaction);
                return true;
            },
            cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a read session: its own connection and a deferred transaction (one consistent
    /// snapshot of the file), outside the write lock. Nothing written through it is kept: it is rolled back.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<DbSession, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        await using SqliteTransaction transaction = connection.BeginTransaction(deferred: true);
        return await work(new DbSession(connection, transaction));
    }

    /// <summary>Runs <paramref name="work"/> as one write transaction with a <see cref="DbSession"/>.</summary>
    public Task<T> WriteAsync<T>(Func<DbSession, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WriteAsync((connection, transaction) => work(new DbSession(connection, transaction)), cancellationToken);
    }
}
