namespace TaskForce.Core.Roster;

/// <summary>A working-calendar exception: a statutory holiday or a make-up workday.</summary>
public sealed record RosterCalendarDay(string Date, string Kind, string Name);
