using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using TaskForce.Core.Audit;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Roster;

/// <summary>
/// Imports a roster file in one transaction: the file is parsed and checked completely first (a bad file writes
/// nothing), rows are matched by their stable keys (re-import updates, never duplicates), an unchanged file
/// writes nothing, and every created or updated row is recorded in the audit log.
/// </summary>
public sealed class RosterImporter(Database database, TimeProvider time, ILogger<RosterImporter> logger)
{
    public async Task<RosterImportResult> ImportFileAsync(string path, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            return Rejected(path, new RosterError(path, 0, "(file)", "file not found"));
        }

        using var reader = new StreamReader(path);
        return await ImportAsync(reader, path, actor, cancellationToken);
    }

    public async Task<RosterImportResult> ImportAsync(TextReader reader, string file, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        (RosterDocument? document, IReadOnlyList<RosterError> errors) = RosterParser.Parse(reader, file);
        if (document is null)
        {
            logger.RosterRejected(file, errors.Count);
            return new RosterImportResult(file, errors, new Dictionary<string, int>(), new Dictionary<string, int>());
        }

        // Plan on a read connection first, so an unchanged file never takes the write lock or touches the file.
        await using (SqliteConnection connection = await database.OpenAsync(cancellationToken))
        {
            if ((await RosterPlanner.PlanAsync(connection, null, document, time.GetUtcNow(), cancellationToken)).Count == 0)
            {
                logger.RosterUnchanged(file);
                return new RosterImportResult(file, [], new Dictionary<string, int>(), new Dictionary<string, int>());
            }
        }

        List<RosterChange> applied = await database.WriteAsync(
            async (connection, transaction) =>
            {
                DateTimeOffset now = time.GetUtcNow();
                List<RosterChange> changes = await RosterPlanner.PlanAsync(connection, transaction, document, now, cancellationToken);
                foreach (RosterChange change in changes)
                {
                    await change.ApplyAsync(connection, transaction, cancellationToken);
                    await AuditStore.AppendAsync(
                        connection, transaction, new AuditEntry(actor, change.Created ? "create" : "update", change.Entity, change.Key, change.Before, change.After), now, cancellationToken);
                }

                if (changes.Count > 0)
                {
                    await AuditStore.AppendAsync(
                        connection, transaction, new AuditEntry(actor, "import", "Roster", Path.GetFileName(file), null, Count(changes)), now, cancellationToken);
                }

                return changes;
            },
            cancellationToken);

        int created = applied.Count(c => c.Created);
        logger.RosterImported(file, created, applied.Count - created);
        return new RosterImportResult(file, [], Count(applied.Where(c => c.Created)), Count(applied.Where(c => !c.Created)));
    }

    private static RosterImportResult Rejected(string file, RosterError error) =>
        new(file, [error], new Dictionary<string, int>(), new Dictionary<string, int>());

    private static Dictionary<string, int> Count(IEnumerable<RosterChange> changes) =>
        changes.GroupBy(c => c.Entity, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
