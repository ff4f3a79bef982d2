using System.ComponentModel.DataAnnotations;

namespace TaskForce.Core.Scheduling;

/// <summary>How far ahead meeting reminders are planned and how often (section <c>Scheduling</c>).</summary>
public sealed class SchedulingOptions : IValidatableObject
{
    public const string SectionName = "Scheduling";

    /// <summary>Occurrences starting within this horizon get their reminder jobs materialized.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan Horizon { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often the worker re-plans reminders and checks blocker SLAs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PlanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether a member still has unreported tasks is decided this long before the nudge is due (not days ahead,
    /// when they may still report); must exceed <see cref="PlanInterval"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan NudgeLookahead { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A reminder first planned more than this past its due time (a meeting created or moved at short notice) is not created.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaterializeGrace { get; set; } = TimeSpan.FromMinutes(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (NudgeLookahead <= PlanInterval)
        {
            yield return new ValidationResult(
                "Scheduling:NudgeLookahead must exceed Scheduling:PlanInterval, or a nudge could be planned after it is due.",
                [nameof(NudgeLookahead), nameof(PlanInterval)]);
        }
    }
}
