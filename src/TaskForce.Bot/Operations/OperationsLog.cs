namespace TaskForce.Bot.Operations;

/// <summary>Log messages of telemetry, readiness and shutdown; event ids 4500–4599.</summary>
internal static partial class OperationsLog
{
    [LoggerMessage(EventId = 4500, Level = LogLevel.Information, Message = "Telemetry export: {Exporter}")]
    public static partial void TelemetryExporter(this ILogger logger, string exporter);

    [LoggerMessage(EventId = 4501, Level = LogLevel.Warning, Message = "Readiness check {Check} failed: {Detail}")]
    public static partial void ReadinessFailed(this ILogger logger, string check, string detail);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Warning, Message = "Reading the outbox depth failed")]
    public static partial void OutboxDepthFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4503, Level = LogLevel.Information, Message = "Shutdown started; in-flight turns get up to {ShutdownTimeout} to finish")]
    public static partial void ShutdownStarted(this ILogger logger, TimeSpan shutdownTimeout);
}
