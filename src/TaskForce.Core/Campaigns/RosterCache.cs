using Microsoft.Data.Sqlite;

namespace TaskForce.Core.Campaigns;

/// <summary>
/// What every turn reads and the roster seldom changes — campaigns, departments, members by chat account, the
/// names of open tasks — kept in memory for one roster version. Each use reads the version (one indexed row) on
/// the caller's connection first, so a change made by any process (a roster import, a link, a language switch) is
/// seen by the next turn.
/// </summary>
public sealed class RosterCache
{
    private RosterSnapshot? _current;

    /// <summary>The snapshot for the database's current roster version, loaded on <paramref name="connection"/> when it moved.</summary>
    public async Task<RosterSnapshot> GetAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // The version is read before the data, so data cached under a version is never older than that version.
        long version = await RosterStore.ReadVersionAsync(connection, cancellationToken);
        RosterSnapshot? current = Volatile.Read(ref _current);
        if (current is not null && current.Version == version)
        {
            return current;
        }

        var fresh = new RosterSnapshot(
            version,
            await CampaignStore.ListCampaignsAsync(connection, cancellationToken),
            await CampaignStore.ListDepartmentsAsync(connection, cancellationToken));
        // Another turn may have stored a snapshot meanwhile; either is right for this turn, the next read settles it.
        Interlocked.CompareExchange(ref _current, fresh, current);
        return fresh;
    }
}
