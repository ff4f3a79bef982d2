using System.Globalization;
using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace TaskForce.Core.Storage;

/// <summary>
/// Applies the numbered scripts in Migrations/ that are newer than the file's <c>PRAGMA user_version</c>,
/// each in its own transaction, and switches the file to WAL. Runs before the host accepts traffic.
/// </summary>
public sealed class Migrator(SqliteConnectionFactory connections, ILogger<Migrator> logger)
{
    private const string ResourcePrefix = "Migrations.sqlite.";

    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts { get; } = LoadScripts();

    public static int LatestVersion => Scripts.Count == 0 ? 0 : Scripts[^1].Version;

    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        EnsureDirectory(connections.DataSourcePath);
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));

        int current = await GetVersionAsync(connection, cancellationToken);
        foreach ((int version, string name, string sql) in Scripts.Where(s => s.Version > current))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {version};"),
                transaction: transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            logger.MigrationApplied(version, name);
            current = version;
        }

        return current;
    }

    public static async Task<int> GetVersionAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA user_version;", cancellationToken: cancellationToken));

    private static void EnsureDirectory(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == ":memory:" || path.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    private static List<(int, string, string)> LoadScripts()
    {
        Assembly assembly = typeof(Migrator).Assembly;
        List<(int, string, string)> scripts = [];
        foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            string name = resource[ResourcePrefix.Length..^".sql".Length];
            int version = int.Parse(name[..name.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add((version, name, reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return scripts;
    }
}
