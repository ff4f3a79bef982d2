using System.ComponentModel.DataAnnotations;

namespace TaskForce.Core.Members;

/// <summary>
/// Section <c>LinkCodes</c>: code lifetime and the limits on guessing. The figures they give an attacker are in
/// docs/operations.md ("Link codes").
/// </summary>
public sealed class LinkCodeOptions : IValidatableObject
{
    public const string SectionName = "LinkCodes";

    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Failed attempts one chat account may make within <see cref="AttemptWindow"/>.</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>Failed attempts one conversation may make within <see cref="AttemptWindow"/>, whoever sends them.</summary>
    [Range(1, 1000)]
    public int MaxFailedAttemptsPerConversation { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AttemptWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failed attempts over all accounts within <see cref="GlobalWindow"/> that start a lockout.</summary>
    [Range(1, 10_000)]
    public int GlobalMaxFailedAttempts { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan GlobalWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long every link attempt is refused once the global limit is reached.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan GlobalLockout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Failed attempts (by anyone) since a code was issued after which the code is voided.</summary>
    [Range(1, 100_000)]
    public int MaxFailedAttemptsPerCode { get; set; } = 100;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxFailedAttemptsPerCode <= GlobalMaxFailedAttempts)
        {
            yield return new ValidationResult(
                "LinkCodes:MaxFailedAttemptsPerCode must exceed LinkCodes:GlobalMaxFailedAttempts, or one burst of wrong codes voids every code before the lockout starts.",
                [nameof(MaxFailedAttemptsPerCode), nameof(GlobalMaxFailedAttempts)]);
        }

        if (MaxFailedAttemptsPerConversation < MaxFailedAttempts)
        {
            yield return new ValidationResult(
                "LinkCodes:MaxFailedAttemptsPerConversation must be at least LinkCodes:MaxFailedAttempts, since a conversation holds at least one account.",
                [nameof(MaxFailedAttemptsPerConversation), nameof(MaxFailedAttempts)]);
        }
    }
}
