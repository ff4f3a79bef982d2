using Microsoft.Data.Sqlite;

namespace TaskForce.Core.Storage;

/// <summary>Copies the live database to another file with SQLite's online backup; writers may keep working meanwhile.</summary>
public sealed class DatabaseBackup(SqliteConnectionFactory connections)
{
    public async Task BackupAsync(string destinationPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        string fullPath = Path.GetFullPath(destinationPath);
        if (File.Exists(fullPath))
        {
            throw new IOException($"{fullPath} already exists; choose a new file name.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        await using SqliteConnection source = await connections.OpenAsync(cancellationToken);
        await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = false }.ToString());
        await destination.OpenAsync(cancellationToken);
        source.BackupDatabase(destination);
    }
}
