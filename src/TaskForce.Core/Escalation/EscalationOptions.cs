using System.ComponentModel.DataAnnotations;

namespace TaskForce.Core.Escalation;

/// <summary>
/// Blocker SLAs per severity in working hours of the working calendar (section <c>Escalation</c>): how long the
/// owner at a level has to acknowledge (签收) and to resolve before the blocker climbs one level.
/// </summary>
public sealed class EscalationOptions
{
    public const string SectionName = "Escalation";

    [Range(typeof(TimeSpan), "00:01:00", "1000:00:00")]
    public TimeSpan CriticalAcknowledge { get; set; } = TimeSpan.FromHours(2);

    [Range(typeof(TimeSpan), "00:01:00", "1000:00:00")]
    public TimeSpan CriticalResolve { get; set; } = TimeSpan.FromHours(8);

    [Range(typeof(TimeSpan), "00:01:00", "1000:00:00")]
    public TimeSpan HighAcknowledge { get; set; } = TimeSpan.FromHours(4);

    [Range(typeof(TimeSpan), "00:01:00", "1000:00:00")]
    public TimeSpan HighResolve { get; set; } = TimeSpan.FromHours(16);

    [Range(typeof(TimeSpan), "00:01:00", "1000:00:00")]
    public TimeSpan MediumAcknowledge { get; set; } = TimeSpan.FromHours(8);

    [Range(typeof(TimeSpan), "00:01:00", "1000:00:00")]
    public TimeSpan MediumResolve { get; set; } = TimeSpan.FromHours(40);

    [Range(typeof(TimeSpan), "00:01:00", "1000:00:00")]
    public TimeSpan LowAcknowledge { get; set; } = TimeSpan.FromHours(16);

    [Range(typeof(TimeSpan), "00:01:00", "1000:00:00")]
    public TimeSpan LowResolve { get; set; } = TimeSpan.FromHours(80);

    public (TimeSpan Acknowledge, TimeSpan Resolve) For(string severity) => severity switch
    {
        "critical" => (CriticalAcknowledge, CriticalResolve),
        "high" => (HighAcknowledge, HighResolve),
        "medium" => (MediumAcknowledge, MediumResolve),
        _ => (LowAcknowledge, LowResolve),
    };
}
