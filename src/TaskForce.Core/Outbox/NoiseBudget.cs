using System.Globalization;
using Microsoft.Extensions.Options;
using TaskForce.Core.Calendar;

namespace TaskForce.Core.Outbox;

/// <summary>
/// At most <c>Outbox:DailyBudget</c> bot-initiated messages per member per day (in the working calendar's zone);
/// the rest of that day goes into one digest sent at the end of office hours. Critical jobs and digests are exempt.
/// </summary>
public sealed class NoiseBudget(
    OutboxReadStore reads, OutboxDigestStore digests, IOptions<OutboxOptions> options, IOptions<WorkingCalendarOptions> calendar)
{
    /// <summary>The digest key of a member's day: <c>digest:{memberId}:{yyyy-MM-dd}</c>.</summary>
    public static string DigestKey(long memberId, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"digest:{memberId}:{date:yyyy-MM-dd}");

    /// <summary>The digest's key when the job was folded into it and must not be sent on its own; otherwise null.</summary>
    public async Task<string?> TryFoldAsync(OutboxJob job, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        int budget = options.Value.DailyBudget;
        if (budget == 0 || job.Critical || job.Kind == OutboxKinds.Digest || job.RecipientMemberId is not { } memberId)
        {
            return null;
        }

        TimeZoneInfo zone = TimeZones.Find(calendar.Value.TimeZone);
        DateOnly today = TimeZones.LocalDate(now, zone);
        DateTimeOffset dayStart = TimeZones.ToUtc(today.ToDateTime(TimeOnly.MinValue), zone);
        DateTimeOffset dayEnd = TimeZones.ToUtc(today.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        if (await reads.CountBudgetedAsync(memberId, dayStart, dayEnd, cancellationToken) < budget)
        {
            return null;
        }

        DateTimeOffset officeEnd = TimeZones.ToUtc(today.ToDateTime(TimeOnly.MinValue) + calendar.Value.AfternoonEnd, zone);
        DateTimeOffset digestDue = officeEnd > now ? officeEnd : now;
        string key = DigestKey(memberId, today);
        bool folded = await digests.FoldAsync(
            job, owner, key, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), digestDue, now, cancellationToken);
        return folded ? key : null;
    }
}
