namespace TaskForce.Core.Roster;

/// <summary>A battle inside a campaign, optionally led by a member.</summary>
public sealed record RosterBattle(string Key, string Name, string? NameEn, string? Leader);
