namespace TaskForce.Core.Roster;

/// <summary>The initial progress report of a task, reported by Reporter (the owner when absent).</summary>
public sealed record RosterProgress(int Percent, string Status, DateTimeOffset At, string Text, string Reporter);
