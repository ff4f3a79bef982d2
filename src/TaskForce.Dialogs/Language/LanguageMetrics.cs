using System.Diagnostics.Metrics;

namespace TaskForce.Dialogs.Language;

/// <summary>Token use and fallbacks of the language model, on the <c>TaskForce.Language</c> meter.</summary>
public sealed class LanguageMetrics
{
    public const string MeterName = "TaskForce.Language";

    private readonly Counter<long> _tokens;
    private readonly Counter<long> _fallbacks;

    public LanguageMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter meter = meterFactory.Create(MeterName);
        _tokens = meter.CreateCounter<long>("taskforce.llm.tokens", unit: "{token}", description: "Tokens sent to and received from the language model");
        _fallbacks = meter.CreateCounter<long>("taskforce.llm.fallbacks", unit: "{fallback}", description: "Turns served by the rules because the language model gave no usable result");
    }

    public void RecordUsage(TokenUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        _tokens.Add(usage.Prompt, new KeyValuePair<string, object?>("kind", "prompt"));
        _tokens.Add(usage.Completion, new KeyValuePair<string, object?>("kind", "completion"));
    }

    public void RecordFallback(FallbackReason reason) =>
        _fallbacks.Add(1, new KeyValuePair<string, object?>("reason", ReasonTag(reason)));

    internal static string ReasonTag(FallbackReason reason) => reason switch
    {
        FallbackReason.NotConfigured => "not_configured",
        FallbackReason.Timeout => "timeout",
        FallbackReason.Throttled => "throttled",
        FallbackReason.ServerError => "server_error",
        FallbackReason.InvalidOutput => "invalid_output",
        _ => "failed",
    };
}
