namespace TaskForce.Dialogs.Language;

/// <summary>Why the language model gave no usable result, so the caller serves the rule-based path instead.</summary>
public enum FallbackReason
{
    NotConfigured,
    Timeout,
    Throttled,
    ServerError,
    InvalidOutput,
    Failed,
}

/// <summary>Tokens one call (or all rounds of one answer) used.</summary>
public sealed record TokenUsage(long Prompt, long Completion)
{
    public static TokenUsage None { get; } = new(0, 0);

    public TokenUsage Add(TokenUsage other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new TokenUsage(Prompt + other.Prompt, Completion + other.Completion);
    }
}

/// <summary>
/// A value from the language model, or the reason there is none. Model and network failures never throw: they
/// come back as <see cref="Fallback"/>, and the turn carries on with the rules.
/// </summary>
public sealed record ModelOutcome<T>(T? Value, FallbackReason? Fallback, TokenUsage? Usage)
    where T : class
{
    public bool Succeeded => Fallback is null && Value is not null;
}

public static class ModelOutcome
{
    public static ModelOutcome<T> Success<T>(T value, TokenUsage? usage)
        where T : class => new(value, null, usage);

    public static ModelOutcome<T> Failure<T>(FallbackReason reason, TokenUsage? usage)
        where T : class => new(null, reason, usage);
}
