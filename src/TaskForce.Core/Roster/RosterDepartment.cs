namespace TaskForce.Core.Roster;

/// <summary>A department (unit) that owns or supports tasks.</summary>
public sealed record RosterDepartment(string Key, string Name, string? NameEn, IReadOnlyList<string> Aliases);
