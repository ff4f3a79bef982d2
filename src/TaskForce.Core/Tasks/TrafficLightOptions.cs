using System.ComponentModel.DataAnnotations;

namespace TaskForce.Core.Tasks;

/// <summary>Thresholds of the traffic light (section <c>TrafficLight</c>).</summary>
public sealed class TrafficLightOptions
{
    public const string SectionName = "TrafficLight";

    /// <summary>Percentage points behind 序时进度 that turn a task yellow.</summary>
    [Range(0, 100)]
    public int YellowBehindPoints { get; set; } = 10;

    /// <summary>Percentage points behind 序时进度 that turn a task red.</summary>
    [Range(0, 100)]
    public int RedBehindPoints { get; set; } = 25;

    /// <summary>Days before the deadline from which low progress turns a task yellow.</summary>
    [Range(0, 365)]
    public int DeadlineNearDays { get; set; } = 7;

    /// <summary>The progress a task needs once its deadline is near to stay green.</summary>
    [Range(0, 100)]
    public int DeadlineNearMinPercent { get; set; } = 80;
}
