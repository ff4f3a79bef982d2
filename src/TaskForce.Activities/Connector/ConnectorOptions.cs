using System.ComponentModel.DataAnnotations;

namespace TaskForce.Activities.Connector;

/// <summary>The <c>Bot:Connector</c> section: retry pacing for connector calls (§3.1, §5.3).</summary>
public sealed class ConnectorOptions
{
    public const string SectionName = "Bot:Connector";

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait inside one call; a longer <c>Retry-After</c> ends the call with RetryLater.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
