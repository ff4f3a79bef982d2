namespace TaskForce.Core.Roster;

/// <summary>A meeting attendee: one member, or every holder of a role in the meeting's campaign.</summary>
public sealed record RosterAttendee(string? Member, string? Role);
