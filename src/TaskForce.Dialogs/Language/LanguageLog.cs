using Microsoft.Extensions.Logging;

namespace TaskForce.Dialogs.Language;

/// <summary>Log messages of the language-model services; event ids 3600–3699.</summary>
internal static partial class LanguageLog
{
    [LoggerMessage(EventId = 3600, Level = LogLevel.Information, Message = "Language model active: Azure OpenAI deployment {Deployment}")]
    public static partial void LanguageModelActive(this ILogger logger, string deployment);

    [LoggerMessage(EventId = 3606, Level = LogLevel.Information, Message = "Language model off (AzureOpenAI:Endpoint not set); the rules read every message")]
    public static partial void LanguageModelInactive(this ILogger logger);

    [LoggerMessage(EventId = 3601, Level = LogLevel.Warning, Message = "Language model {Operation} fell back to the rules: {Reason}")]
    public static partial void ModelFallback(this ILogger logger, string operation, FallbackReason reason);

    [LoggerMessage(EventId = 3602, Level = LogLevel.Warning, Message = "Language model {Operation} failed; falling back to the rules ({Reason})")]
    public static partial void ModelRequestFailed(this ILogger logger, Exception exception, string operation, FallbackReason reason);

    [LoggerMessage(EventId = 3603, Level = LogLevel.Debug, Message = "Language model {Operation} used {PromptTokens} prompt and {CompletionTokens} completion tokens")]
    public static partial void ModelUsage(this ILogger logger, string operation, long promptTokens, long completionTokens);

    [LoggerMessage(EventId = 3604, Level = LogLevel.Debug, Message = "Language model output rejected for {Operation}: {Problem}")]
    public static partial void ModelOutputRejected(this ILogger logger, string operation, string problem);

    [LoggerMessage(EventId = 3605, Level = LogLevel.Debug, Message = "Tool {Tool} called with invalid arguments: {Problem}")]
    public static partial void ToolArgumentsRejected(this ILogger logger, string tool, string problem);
}
