using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace TaskForce.Activities.Connector;

/// <summary>
/// The retry pipeline for connector calls: 429, 412, 500, 502, 503, 504 and unreachable hosts are retried with
/// exponential backoff and jitter, or after the channel's <c>Retry-After</c> when it names one (§3.1, §5.3).
/// All waits run on the given <see cref="TimeProvider"/>.
/// </summary>
internal static class ConnectorRetry
{
    public static ResiliencePipeline<HttpResponseMessage> Build(ConnectorOptions options, TimeProvider time, ILogger logger)
    {
        var retry = new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && ShouldRetry(args.Outcome, options.MaxDelay)),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
            OnRetry = args =>
            {
                logger.ConnectorRetrying(args.RetryDelay, args.AttemptNumber + 1, (int?)args.Outcome.Result?.StatusCode);
                return ValueTask.CompletedTask;
            },
        };
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }.AddRetry(retry).Build();
    }

    public static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.PreconditionFailed or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The wait the response asks for, as a delta or a date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        if (response?.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta;
        }

        return header.Date is { } date && response.Headers.Date is { } sent ? date - sent : null;
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxDelay)
    {
        if (outcome.Exception is HttpRequestException or TimeoutException)
        {
            return true;
        }

        // A Retry-After longer than we are willing to wait inline goes back to the caller as RetryLater.
        return outcome.Result is { } response && IsTransient(response.StatusCode) && !(RetryAfter(response) > maxDelay);
    }
}
