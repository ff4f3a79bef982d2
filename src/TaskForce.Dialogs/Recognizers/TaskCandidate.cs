namespace TaskForce.Dialogs.Recognizers;

/// <summary>A task the member may mean, with the number it has in the list last shown to them.</summary>
public sealed record TaskCandidate(long Id, string Title, string? TitleEn, IReadOnlyList<string> Aliases, int ListNumber);
