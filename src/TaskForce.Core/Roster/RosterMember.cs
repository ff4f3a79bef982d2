namespace TaskForce.Core.Roster;

/// <summary>A person on the roster.</summary>
public sealed record RosterMember(string Key, string Name, string? NameEn, string? Title, string? Department, string Locale, string TimeZone, string? Email, string? AadObjectId, IReadOnlyList<RosterRole> Roles);
