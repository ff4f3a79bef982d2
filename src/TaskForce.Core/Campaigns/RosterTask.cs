namespace TaskForce.Core.Campaigns;

/// <summary>An open task's names, for telling which task a message speaks of.</summary>
public sealed record RosterTask(long Id, string Title, string? TitleEn, IReadOnlyList<string> Aliases);
