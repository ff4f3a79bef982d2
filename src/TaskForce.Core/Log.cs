using Microsoft.Extensions.Logging;

namespace TaskForce.Core;

/// <summary>Core's log messages; event ids 2xxx.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Applied migration {Version} ({Name})")]
    public static partial void MigrationApplied(this ILogger logger, int version, string name);
}
