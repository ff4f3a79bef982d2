using System.ComponentModel.DataAnnotations;

namespace TaskForce.Core.Calendar;

/// <summary>
/// Office hours of a working day (section <c>WorkingCalendar</c>): a morning and an afternoon period with a
/// lunch break between them, as in most municipal offices (09:00–12:00 and 13:30–17:30, 7 hours a day).
/// Set <see cref="AfternoonStart"/> equal to <see cref="MorningEnd"/> for a day without a break.
/// </summary>
public sealed class WorkingCalendarOptions : IValidatableObject
{
    public const string SectionName = "WorkingCalendar";

    /// <summary>The zone of the campaigns' calendar (IANA id); SLAs and daily budgets are counted in it.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public TimeSpan MorningStart { get; set; } = new(9, 0, 0);

    public TimeSpan MorningEnd { get; set; } = new(12, 0, 0);

    public TimeSpan AfternoonStart { get; set; } = new(13, 30, 0);

    public TimeSpan AfternoonEnd { get; set; } = new(17, 30, 0);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!(TimeSpan.Zero <= MorningStart && MorningStart < MorningEnd && MorningEnd <= AfternoonStart
            && AfternoonStart < AfternoonEnd && AfternoonEnd <= TimeSpan.FromHours(24)))
        {
            yield return new ValidationResult(
                "WorkingCalendar hours must satisfy 00:00 <= MorningStart < MorningEnd <= AfternoonStart < AfternoonEnd <= 24:00.",
                [nameof(MorningStart), nameof(MorningEnd), nameof(AfternoonStart), nameof(AfternoonEnd)]);
        }

        if (!TimeZones.TryFind(TimeZone, out _))
        {
            yield return new ValidationResult($"WorkingCalendar:TimeZone '{TimeZone}' is not a known time zone.", [nameof(TimeZone)]);
        }
    }
}
