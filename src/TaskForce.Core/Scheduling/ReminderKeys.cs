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
}
