namespace TaskForce.Core.Roster;

/// <summary>
/// A recurring meeting; StartLocal is the first occurrence as local wall time in TimeZone. Exceptions are the local
/// dates (yyyy-MM-dd, sorted) of occurrences that do not take place; Cancelled stops the whole meeting.
/// </summary>
public sealed record RosterMeeting(
    string Key, string Campaign, string Title, string? TitleEn, string RRule, string StartLocal, string TimeZone, int DurationMinutes, string? Location,
    string HolidayPolicy, IReadOnlyList<int> ReminderOffsets, IReadOnlyList<RosterAttendee> Attendees, bool Cancelled, IReadOnlyList<string> Exceptions);
