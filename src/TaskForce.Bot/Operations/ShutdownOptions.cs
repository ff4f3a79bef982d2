using System.ComponentModel.DataAnnotations;

namespace TaskForce.Bot.Operations;

/// <summary>How long the host waits for in-flight turns and the workers when it is asked to stop.</summary>
internal sealed class ShutdownOptions
{
    public const string SectionName = "Host";

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Host:ShutdownTimeout must be between 00:00:01 and 00:10:00.")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
