using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Roster;

/// <summary>Imports the demo roster when the database has no campaign yet, so a first run has something to show.</summary>
public sealed class DemoRosterSeeder(
    Database database, RosterImporter importer, IOptions<RosterOptions> options, ILogger<DemoRosterSeeder> logger)
{
    public const string Actor = "system:demo-roster";

    /// <summary>Returns the import result, or null when nothing was imported (disabled, or campaigns already exist).</summary>
    public async Task<RosterImportResult?> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ImportDemoWhenEmpty)
        {
            return null;
        }

        await using (SqliteConnection connection = await database.OpenAsync(cancellationToken))
        {
            if (await RosterStore.HasCampaignsAsync(connection, cancellationToken))
            {
                return null;
            }
        }

        string? path = Resolve(options.Value.DemoFile);
        if (path is null)
        {
            logger.DemoRosterMissing(options.Value.DemoFile);
            return null;
        }

        RosterImportResult result = await importer.ImportFileAsync(path, Actor, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"The demo roster is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
        }

        return result;
    }

    public static string? Resolve(string file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        if (Path.IsPathRooted(file))
        {
            return File.Exists(file) ? file : null;
        }

        return new[] { Path.Combine(AppContext.BaseDirectory, file), Path.GetFullPath(file) }.FirstOrDefault(File.Exists);
    }
}
