using System.ComponentModel.DataAnnotations;

namespace TaskForce.Core.Storage;

/// <summary>Where the SQLite file lives and how durable each commit is.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/taskforce.db";

    /// <summary>SQLite <c>synchronous</c> pragma: FULL (default; a confirmed report survives power loss) or NORMAL.</summary>
    [RegularExpression("^(?i)(FULL|NORMAL|EXTRA)$", ErrorMessage = "Storage:Synchronous must be FULL, NORMAL or EXTRA.")]
    public string Synchronous { get; set; } = "FULL";

    /// <summary>How long a statement waits for another process that holds the write lock of the file.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
