namespace TaskForce.Core.Roster;

/// <summary>A dated milestone of a task; Done is the date it was reached.</summary>
public sealed record RosterMilestone(string Title, string? TitleEn, string Due, string? Done);
