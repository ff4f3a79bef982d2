using Microsoft.Extensions.Logging;

namespace TaskForce.Core;

/// <summary>Core's log messages; event ids 2xxx.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Applied migration {Version} ({Name})")]
    public static partial void MigrationApplied(this ILogger logger, int version, string name);

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Roster {File} imported: {Created} rows created, {Updated} updated")]
    public static partial void RosterImported(this ILogger logger, string file, int created, int updated);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Roster {File} matches the database; nothing written")]
    public static partial void RosterUnchanged(this ILogger logger, string file);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Roster {File} rejected with {ErrorCount} error(s); nothing written")]
    public static partial void RosterRejected(this ILogger logger, string file, int errorCount);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Demo roster {File} not found; the database stays empty")]
    public static partial void DemoRosterMissing(this ILogger logger, string file);
}
