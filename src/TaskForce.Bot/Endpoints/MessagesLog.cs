namespace TaskForce.Bot;

/// <summary>The messaging endpoint's log messages; event ids 4200–4299.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Debug, Message = "Ignored activity of unknown type {ActivityType}")]
    public static partial void UnknownActivityIgnored(this ILogger logger, string activityType);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Duplicate activity {ActivityId} acknowledged without processing")]
    public static partial void DuplicateActivity(this ILogger logger, string activityId);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Error, Message = "Turn for activity {ActivityId} failed")]
    public static partial void TurnFailed(this ILogger logger, Exception exception, string? activityId);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Activity refused: {Reason}")]
    public static partial void ActivityRefused(this ILogger logger, string reason);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Information, Message = "Forgot {Count} processed activity ids")]
    public static partial void ProcessedActivitiesPruned(this ILogger logger, int count);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Error, Message = "Pruning processed activity ids failed")]
    public static partial void ProcessedActivitiesPruneFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Warning, Message = "Development mode: no Bot:MicrosoftAppId, so unauthenticated activities are accepted from loopback service URLs only")]
    public static partial void DevelopmentModeActive(this ILogger logger);

    [LoggerMessage(EventId = 4210, Level = LogLevel.Error, Message = "Dialog turn for activity {ActivityId} failed; nothing was saved and the user was asked to send again")]
    public static partial void DialogTurnFailed(this ILogger logger, Exception exception, string? activityId);

    [LoggerMessage(EventId = 4211, Level = LogLevel.Information, Message = "Turn {ActivityId}: intent {Intent}, {Replies} replies, duplicate {Duplicate}, model tokens {PromptTokens}/{CompletionTokens}")]
    public static partial void DialogTurn(this ILogger logger, string? activityId, string intent, int replies, bool duplicate, long promptTokens, long completionTokens);

    [LoggerMessage(EventId = 4212, Level = LogLevel.Warning, Message = "Development mode: refused a request for host '{Host}'; only localhost and loopback addresses are served without an app id")]
    public static partial void NonLoopbackHostRefused(this ILogger logger, string host);
}
