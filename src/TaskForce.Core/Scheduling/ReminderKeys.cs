using System.Globalization;

namespace TaskForce.Core.Scheduling;

/// <summary>Idempotency keys of meeting jobs; the meeting's version is part of the key, so a moved meeting gets new ones.</summary>
public static class ReminderKeys
{
    /// <summary>Prefix of jobs made by <c>remind-now</c>; the planner never voids them.</summary>
    public const string DemoPrefix = "demo:";

    public static string Reminder(long meetingId, int version, DateTimeOffset occurrenceStart, long memberId, int offsetMinutes) =>
        string.Create(CultureInfo.InvariantCulture, $"reminder:{meetingId}:v{version}:{occurrenceStart.ToUnixTimeMilliseconds()}:{memberId}:{offsetMinutes}");

    public static string Nudge(long meetingId, int version, DateTimeOffset occurrenceStart, long memberId) =>
        string.Create(CultureInfo.InvariantCulture, $"nudge:{meetingId}:v{version}:{occurrenceStart.ToUnixTimeMilliseconds()}:{memberId}");

    /// <summary>
    /// The key without the meeting's version: the same reminder (occurrence, recipient, offset) under every version.
    /// A version change must not send again what an earlier version already sent.
    /// </summary>
    public static string Unversioned(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        int start = key.IndexOf(":v", StringComparison.Ordinal);
        int end = start < 0 ? -1 : key.IndexOf(':', start + 2);
        return start < 0 || end < 0 ? key : key[..start] + key[end..];
    }
}
