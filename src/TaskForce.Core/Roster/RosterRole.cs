namespace TaskForce.Core.Roster;

/// <summary>A role a member holds, in one campaign or city-wide (Campaign null).</summary>
public sealed record RosterRole(string Role, string? Campaign);
