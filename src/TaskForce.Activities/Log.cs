using System.Net;
using Microsoft.Extensions.Logging;

namespace TaskForce.Activities;

/// <summary>The protocol layer's log messages; event ids 1xxx.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Inbound activity on channel {ChannelId} rejected: {Reason}")]
    public static partial void InboundRejected(this ILogger logger, string? channelId, string? reason);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Connector {Method} {Operation} answered {StatusCode} after {Attempts} attempt(s)")]
    public static partial void ConnectorCalled(this ILogger logger, string method, string operation, int statusCode, int attempts);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Connector call failed: {Outcome} {StatusCode} {ErrorCode}, correlation {CorrelationId}")]
    public static partial void ConnectorFailed(this ILogger logger, string outcome, HttpStatusCode? statusCode, string? errorCode, string? correlationId);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Connector call to an untrusted service URL {ServiceUrl} was not sent")]
    public static partial void ConnectorUntrusted(this ILogger logger, string serviceUrl);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Connector call retried after {Delay} (attempt {Attempt}, status {StatusCode})")]
    public static partial void ConnectorRetrying(this ILogger logger, TimeSpan delay, int attempt, int? statusCode);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Connector unreachable")]
    public static partial void ConnectorUnreachable(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Entra token refused: caller {Caller} is neither the bot nor in Bot:AllowedCallers (iss {Issuer}, aud {Audience}, tid {TenantId})")]
    public static partial void EntraCallerRefused(this ILogger logger, string? caller, string issuer, string? audience, string? tenantId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Signing keys from {MetadataUrl} could not be fetched; keeping the last good keys: {Kept}")]
    public static partial void SigningKeysUnavailable(this ILogger logger, Exception exception, string metadataUrl, bool kept);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "Connector answered a redirect ({StatusCode}); it was not followed and the call failed")]
    public static partial void ConnectorRedirected(this ILogger logger, int statusCode);
}
