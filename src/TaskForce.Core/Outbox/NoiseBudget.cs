using System.Globalization;
using Microsoft.Extensions.Options;
using TaskForce.Core.Calendar;

namespace TaskForce.Core.Outbox;

/// <summary>
/// At most <c>Outbox:DailyBudget</c> bot-initiated messages per member per day (in the working calendar's zone);
/// beyond it, what can wait (report nudges, notices that one's blocker was escalated) goes into one digest sent at the end of office hours.
/// Meeting reminders (their moment is before the meeting), notices a leader must act on and critical jobs are never
/// folded or delayed; they still count towards the day's budget.
/// </summary>
public sealed class NoiseBudget(
    OutboxReadStore reads, OutboxDigestStore digests, IOptions<OutboxOptions> options, IOptions<WorkingCalendarOptions> calendar)
{
    /// <summary>The digest key of a member's day: <c>digest:{memberId}:{yyyy-MM-dd}</c>.</summary>
    public static string DigestKey(long memberId, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"digest:{memberId}:{date:yyyy-MM-dd}");

    /// <summary>
    /// Whether the job may arrive in the evening instead: a nudge to report, or news about the member's own blocker.
    /// A job bound to a meeting (<see cref="OutboxJob.NotAfter"/>) or asking for action never may.
    /// </summary>
    public static bool CanWait(OutboxJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        // Blocker updates (acknowledged, resolved …) go out on their own: the digest lists reminder-kind lines only, and
        // a reporter waiting to confirm a resolution should not wait for the evening.
        return !job.Critical && job.NotAfter is null && job.Kind is OutboxKinds.Nudge or OutboxKinds.EscalationNotice;
    }

    /// <summary>The digest's key when the job was folded into it and must not be sent on its own; otherwise null.</summary>
    public async Task<string?> TryFoldAsync(OutboxJob job, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        int budget = options.Value.DailyBudget;
        if (budget == 0 || !CanWait(job) || job.RecipientMemberId is not { } memberId)
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
