namespace TaskForce.Core.Roster;

/// <summary>A recurring meeting; StartLocal is the first occurrence as local wall time in TimeZone.</summary>
public sealed record RosterMeeting(string Key, string Campaign, string Title, string? TitleEn, string RRule, string StartLocal, string TimeZone, int DurationMinutes, string? Location, string HolidayPolicy, IReadOnlyList<int> ReminderOffsets, IReadOnlyList<RosterAttendee> Attendees);
