using Microsoft.Data.Sqlite;

namespace TaskForce.Bot.Endpoints;

/// <summary>
/// SQLITE_BUSY or SQLITE_LOCKED: another process (a backup, an admin command, a second instance) held the
/// database's write lock for longer than <c>Storage:BusyTimeout</c>. The write was rolled back; it can be retried.
/// </summary>
internal static class DatabaseBusy
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool Is(Exception exception) => exception is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked };
}
