namespace TaskForce.Core.Roster;

/// <summary>A campaign with its lead department and battles.</summary>
public sealed record RosterCampaign(string Key, string Name, string? NameEn, IReadOnlyList<string> Aliases, string? LeadDepartment, IReadOnlyList<RosterBattle> Battles);
