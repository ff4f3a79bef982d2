namespace TaskForce.Core.Roster;

/// <summary>An initial open blocker of a task, identified by its Key across imports.</summary>
public sealed record RosterBlocker(string Key, string Text, string? Category, string Severity, int Level, string RaisedBy, string? Owner, DateTimeOffset RaisedAt, IReadOnlyList<string> Departments);
