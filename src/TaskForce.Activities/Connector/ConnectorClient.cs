using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using TaskForce.Activities.Auth;
using TaskForce.Activities.Schema;

namespace TaskForce.Activities.Connector;

/// <summary>
/// Calls the Bot Connector of an activity's service URL (§3). The bearer token is attached only to trusted service
/// URLs (§3.3) and never in development mode; a 401 refreshes the token once.
/// </summary>
internal sealed class ConnectorClient : IConnectorClient
{
    private readonly HttpClient _http;
    private readonly IBotTokenProvider _tokens;
    private readonly ServiceUrlTrust _trust;
    private readonly IOptions<BotOptions> _bot;
    private readonly ILogger<ConnectorClient> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public ConnectorClient(
        HttpClient http,
        IBotTokenProvider tokens,
        ServiceUrlTrust trust,
        IOptions<BotOptions> bot,
        IOptions<ConnectorOptions> options,
        TimeProvider time,
        ILogger<ConnectorClient> logger)
    {
        _http = http;
        _tokens = tokens;
        _trust = trust;
        _bot = bot;
        _logger = logger;
        _pipeline = ConnectorRetry.Build(options.Value, time, logger);
    }

    public Task<ConnectorResult> ReplyToActivityAsync(
        ConversationReference reference, string replyToId, BotActivity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(replyToId);
        ArgumentNullException.ThrowIfNull(activity);
        return SendAsync(HttpMethod.Post, reference, $"activities/{Uri.EscapeDataString(replyToId)}", Outgoing(activity), _pipeline, cancellationToken);
    }

    public Task<ConnectorResult> SendToConversationAsync(ConversationReference reference, BotActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return SendAsync(HttpMethod.Post, reference, "activities", Outgoing(activity), _pipeline, cancellationToken);
    }

    public Task<ConnectorResult> SendToConversationOnceAsync(ConversationReference reference, BotActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return SendAsync(HttpMethod.Post, reference, "activities", Outgoing(activity), ResiliencePipeline<HttpResponseMessage>.Empty, cancellationToken);
    }

    public Task<ConnectorResult> UpdateActivityAsync(
        ConversationReference reference, string activityId, BotActivity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        BotActivity update = Outgoing(activity) with { Id = activityId };
        return SendAsync(HttpMethod.Put, reference, $"activities/{Uri.EscapeDataString(activityId)}", update, _pipeline, cancellationToken);
    }

    public Task<ConnectorResult> DeleteActivityAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        return SendAsync(HttpMethod.Delete, reference, $"activities/{Uri.EscapeDataString(activityId)}", body: null, _pipeline, cancellationToken);
    }

    public Task<ConnectorResult> GetMemberAsync(ConversationReference reference, string memberId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        return SendAsync(HttpMethod.Get, reference, $"members/{Uri.EscapeDataString(memberId)}", body: null, _pipeline, cancellationToken);
    }

    public Task<ConnectorResult> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        ArgumentNullException.ThrowIfNull(parameters);
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(parameters, ActivityJson.Default.ConversationParameters);
        return CallAsync(HttpMethod.Post, serviceUrl, "v3/conversations", body, _pipeline, cancellationToken);
    }

    // The channel assigns id, timestamp and serviceUrl; the bot must not send them (A2031, A2041, A2302).
    private static BotActivity Outgoing(BotActivity activity) => activity with { Id = null, Timestamp = null, ServiceUrl = null };

    private Task<ConnectorResult> SendAsync(
        HttpMethod method, ConversationReference reference, string tail, BotActivity? body, ResiliencePipeline<HttpResponseMessage> pipeline,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        string? conversationId = reference.Conversation?.Id;
        if (string.IsNullOrEmpty(reference.ServiceUrl) || string.IsNullOrEmpty(conversationId))
        {
            throw new ArgumentException("The reference needs a serviceUrl and a conversation id.", nameof(reference));
        }

        // Teams conversation ids contain ':', '@', ';' and '=': escape every segment (§3.1).
        string path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/{tail}";
        byte[]? bytes = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, ActivityJson.Default.BotActivity);
        return CallAsync(method, reference.ServiceUrl, path, bytes, pipeline, cancellationToken);
    }

    private async Task<ConnectorResult> CallAsync(
        HttpMethod method, string serviceUrl, string path, byte[]? body, ResiliencePipeline<HttpResponseMessage> pipeline, CancellationToken cancellationToken)
    {
        string? token = null;
        if (!_bot.Value.IsDevelopmentMode)
        {
            if (!await _trust.IsTrustedAsync(serviceUrl, cancellationToken))
            {
                _logger.ConnectorUntrusted(serviceUrl);
                return new ConnectorResult { Outcome = ConnectorOutcome.PermanentFailure, ErrorCode = "UntrustedServiceUrl" };
            }

            token = await _tokens.GetTokenAsync(forceRefresh: false, cancellationToken);
        }

        // Keep the service URL's path prefix (the Playground's is /_connector, §9).
        var uri = new Uri($"{ServiceUrlTrust.Normalize(serviceUrl)}/{path}", UriKind.Absolute);
        ConnectorResult result = await ExecuteAsync(method, uri, body, token, pipeline, cancellationToken);
        if (result.StatusCode == (int)HttpStatusCode.Unauthorized && token is not null)
        {
            token = await _tokens.GetTokenAsync(forceRefresh: true, cancellationToken);
            result = await ExecuteAsync(method, uri, body, token, pipeline, cancellationToken);
        }

        return result;
    }

    private async Task<ConnectorResult> ExecuteAsync(
        HttpMethod method, Uri uri, byte[]? body, string? token, ResiliencePipeline<HttpResponseMessage> pipeline, CancellationToken cancellationToken)
    {
        int attempts = 0;
        try
        {
            using HttpResponseMessage response = await pipeline.ExecuteAsync(
                async ct =>
                {
                    attempts++;
                    using HttpRequestMessage request = new(method, uri);
                    if (token is not null)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    }

                    if (body is not null)
                    {
                        request.Content = new ByteArrayContent(body);
                        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                    }

                    return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                },
                cancellationToken);
            _logger.ConnectorCalled(method.Method, uri.AbsolutePath, (int)response.StatusCode, attempts);
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                _logger.ConnectorRedirected((int)response.StatusCode);
                return new ConnectorResult { Outcome = ConnectorOutcome.PermanentFailure, StatusCode = (int)response.StatusCode, ErrorCode = "Redirected" };
            }

            ConnectorResult result = await ConnectorResponses.ReadAsync(
                response, createsConversation: uri.AbsolutePath.EndsWith("/v3/conversations", StringComparison.Ordinal), cancellationToken);
            if (!result.Succeeded)
            {
                // The connector's operation id is what its support asks for (§3.1).
                string? correlation = response.Headers.TryGetValues("X-Correlating-OperationId", out IEnumerable<string>? values) ? values.FirstOrDefault() : null;
                _logger.ConnectorFailed(result.Outcome.ToString(), response.StatusCode, result.ErrorCode, correlation);
            }

            return result;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _logger.ConnectorUnreachable(ex);
            return new ConnectorResult { Outcome = ConnectorOutcome.RetryLater, ErrorCode = "Unreachable" };
        }
    }
}
