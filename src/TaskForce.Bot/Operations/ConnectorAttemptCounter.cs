using System.Net;

namespace TaskForce.Bot.Operations;

/// <summary>
/// Sits in the connector client's HTTP pipeline, under its retry policy, so it sees every attempt: a throttled
/// (429), server-error (5xx) or failed attempt is one the client retries while its retry budget lasts.
/// </summary>
internal sealed class ConnectorAttemptCounter(BotMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            int code = (int)response.StatusCode;
            bool retryable = response.StatusCode == HttpStatusCode.TooManyRequests || code >= 500;
            metrics.RecordConnectorAttempt(code.ToString(System.Globalization.CultureInfo.InvariantCulture), retryable);
            return response;
        }
        catch (HttpRequestException)
        {
            metrics.RecordConnectorAttempt("unreachable", retryable: true);
            throw;
        }
    }
}
