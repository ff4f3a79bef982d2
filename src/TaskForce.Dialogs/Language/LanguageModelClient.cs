using System.ClientModel;
using Azure.Identity;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TaskForce.Dialogs.Language;

/// <summary>
/// The one way the language services reach the model: a time budget per operation, the client's request failures
/// turned into a <see cref="FallbackReason"/>, and token use added up and counted. With no chat client (nothing
/// configured) every operation returns <see cref="FallbackReason.NotConfigured"/> without touching the network.
/// </summary>
public sealed class LanguageModelClient(
    IChatClient? chatClient,
    IOptions<LanguageModelOptions> options,
    LanguageMetrics metrics,
    TimeProvider time,
    ILogger<LanguageModelClient> logger)
{
    public bool IsActive => chatClient is not null;

    public LanguageModelOptions Options => options.Value;

    /// <summary>Runs <paramref name="work"/> within the configured timeout; a null result means the model's output was unusable.</summary>
    internal async Task<ModelOutcome<T>> RunAsync<T>(
        string operation, Func<ModelSession, CancellationToken, Task<T?>> work, CancellationToken cancellationToken)
        where T : class
    {
        if (chatClient is null)
        {
            return ModelOutcome.Failure<T>(FallbackReason.NotConfigured, null);
        }

        var session = new ModelSession(chatClient, Options.MaxOutputTokens);
        using var timeout = new CancellationTokenSource(Options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        FallbackReason reason;
        try
        {
            T? value = await work(session, linked.Token);
            Record(operation, session.Usage);
            if (value is not null)
            {
                return ModelOutcome.Success<T>(value, session.Usage);
            }

            reason = FallbackReason.InvalidOutput;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Record(operation, session.Usage);
            reason = FallbackReason.Timeout;
        }
        catch (Exception ex) when (ex is ClientResultException or HttpRequestException or AuthenticationFailedException)
        {
            Record(operation, session.Usage);
            reason = Classify(ex);
            logger.ModelRequestFailed(ex, operation, reason);
        }

        metrics.RecordFallback(reason);
        logger.ModelFallback(operation, reason);
        return ModelOutcome.Failure<T>(reason, session.Usage);
    }

    internal static FallbackReason Classify(Exception exception) => exception switch
    {
        ClientResultException { Status: 429 } => FallbackReason.Throttled,
        ClientResultException { Status: 408 } => FallbackReason.Timeout,
        ClientResultException { Status: >= 500 } => FallbackReason.ServerError,
        _ => FallbackReason.Failed,
    };

    private void Record(string operation, TokenUsage usage)
    {
        if (usage.Prompt == 0 && usage.Completion == 0)
        {
            return;
        }

        metrics.RecordUsage(usage);
        logger.ModelUsage(operation, usage.Prompt, usage.Completion);
    }
}

/// <summary>The chat calls of one operation, with the tokens they used so far.</summary>
internal sealed class ModelSession(IChatClient chatClient, int maxOutputTokens)
{
    public TokenUsage Usage { get; private set; } = TokenUsage.None;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions options, CancellationToken cancellationToken)
    {
        options.MaxOutputTokens ??= maxOutputTokens;
        ChatResponse response = await chatClient.GetResponseAsync(messages, options, cancellationToken);
        if (response.Usage is { } usage)
        {
            Usage = Usage.Add(new TokenUsage(usage.InputTokenCount ?? 0, usage.OutputTokenCount ?? 0));
        }

        return response;
    }
}
