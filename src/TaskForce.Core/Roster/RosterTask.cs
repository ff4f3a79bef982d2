namespace TaskForce.Core.Roster;

/// <summary>A task with its owner, departments, dates, milestones and optional initial state.</summary>
public sealed record RosterTask(string Key, string Campaign, string? Battle, string Title, string? TitleEn, IReadOnlyList<string> Aliases, string Owner, string Department, IReadOnlyList<string> SupportingDepartments, string Start, string Deadline, bool KeySupervision, IReadOnlyList<RosterMilestone> Milestones, RosterProgress? Progress, IReadOnlyList<RosterBlocker> Blockers);
