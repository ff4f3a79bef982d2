namespace TaskForce.Dialogs.Recognizers;

/// <summary>A department or campaign the member may name.</summary>
public sealed record NamedCandidate(long Id, string Name, string? NameEn, IReadOnlyList<string> Aliases);
