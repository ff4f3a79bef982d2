namespace TaskForce.Bot;

/// <summary>Turns that met a busy database; event ids 4930–4939.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4930, Level = LogLevel.Warning, Message = "Dialog turn for activity {ActivityId} found the database busy; nothing was saved and the user was asked to send again")]
    public static partial void DialogTurnBusy(this ILogger logger, string? activityId);

    [LoggerMessage(EventId = 4931, Level = LogLevel.Information, Message = "Activity {ActivityId} left unprocessed: its turn saved nothing, so a re-delivery runs it again")]
    public static partial void TurnLeftUnprocessed(this ILogger logger, string? activityId);

    [LoggerMessage(EventId = 4932, Level = LogLevel.Warning, Message = "Database busy: activity {ActivityId} was not recorded as processed")]
    public static partial void ProcessedMarkBusy(this ILogger logger, string activityId);

    [LoggerMessage(EventId = 4933, Level = LogLevel.Warning, Message = "Database busy: the conversation reference of activity {ActivityId} was not refreshed; the next turn refreshes it")]
    public static partial void ReferenceCaptureBusy(this ILogger logger, string? activityId);

    [LoggerMessage(EventId = 4934, Level = LogLevel.Warning, Message = "Database busy: the conversation of activity {ActivityId} was not assigned to its member yet; the next turn assigns it")]
    public static partial void MemberAssignmentBusy(this ILogger logger, string? activityId);
}
