using Microsoft.Data.Sqlite;

namespace TaskForce.Core.Storage;

/// <summary>The connection and transaction of one write (one turn): every change made with it commits together.</summary>
public sealed record DbSession(SqliteConnection Connection, SqliteTransaction Transaction);
