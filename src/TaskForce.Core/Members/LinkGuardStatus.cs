using System.Globalization;

namespace TaskForce.Core.Members;

/// <summary>What the administrator sees of link-code guessing (the <c>members</c> command): the lockout, recent failures and codes.</summary>
public sealed record LinkGuardStatus(
    LinkLockout? ActiveLockout, long RecentFailures, TimeSpan Window, int Limit, long OutstandingCodes, long VoidedCodes)
{
    public string Describe()
    {
        string state = ActiveLockout is { } lockout
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"LOCKED until {Utc(lockout.UntilMs)} UTC ({lockout.Failures} failed attempts; refused since: {lockout.Refused})")
            : "open";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Link codes: {state}. Failed attempts in the last {Window}: {RecentFailures} (lockout at {Limit}). Codes outstanding: {OutstandingCodes}; voided after too many wrong codes: {VoidedCodes}.");
    }

    private static string Utc(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
