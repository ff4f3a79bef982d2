namespace TaskForce.Bot.Workers;

/// <summary>Log messages of the background workers; event ids 4400–4499.</summary>
internal static partial class WorkersLog
{
    [LoggerMessage(EventId = 4400, Level = LogLevel.Error, Message = "Outbox dispatch tick failed")]
    public static partial void OutboxTickFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4401, Level = LogLevel.Error, Message = "Reminder planning tick failed")]
    public static partial void PlanningTickFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Error, Message = "Blocker SLA check failed")]
    public static partial void EscalationTickFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4403, Level = LogLevel.Information, Message = "Released {Count} outbox leases on shutdown")]
    public static partial void OutboxLeasesReleased(this ILogger logger, int count);

    [LoggerMessage(EventId = 4404, Level = LogLevel.Information, Message = "Blocker SLA check: {Count} escalations or repeats")]
    public static partial void EscalationsRaised(this ILogger logger, int count);
}
