using System.ComponentModel.DataAnnotations;

namespace TaskForce.Core.Outbox;

/// <summary>How the outbox is dispatched (section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a claimed job stays invisible to other dispatchers; must exceed one delivery.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    [Range(1, 500)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Delivery attempts before a job that keeps being throttled or failing is given up.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>First retry delay; it doubles with each attempt, never below the channel's Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A job sent later than this after its due time is labelled late.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Minimum gap between two messages to one recipient's conversation (docs/protocol.md §5.3).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan PerConversationInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages per second from this process to all conversations together.</summary>
    [Range(1, 1000)]
    public int GlobalRatePerSecond { get; set; } = 20;

    /// <summary>Bot-initiated messages per member per day before the rest of the day is folded into a digest; 0 disables.</summary>
    [Range(0, 100)]
    public int DailyBudget { get; set; } = 3;
}
