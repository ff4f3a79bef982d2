using Microsoft.Data.Sqlite;

namespace TaskForce.Core.Roster;

/// <summary>One row the import creates or updates, with its before/after for the audit log and the write that applies it.</summary>
internal sealed record RosterChange(
    string Entity,
    string Key,
    object? Before,
    object After,
    Func<SqliteConnection, SqliteTransaction, CancellationToken, Task> ApplyAsync)
{
    public bool Created => Before is null;
}
