using System.Globalization;

namespace TaskForce.Core.Roster;

/// <summary>
/// The outcome of one import: either the errors that rejected the file (nothing was written) or the number of
/// rows created and updated per entity (none at all when the file matched the database).
/// </summary>
public sealed record RosterImportResult(
    string File,
    IReadOnlyList<RosterError> Errors,
    IReadOnlyDictionary<string, int> Created,
    IReadOnlyDictionary<string, int> Updated)
{
    public bool Succeeded => Errors.Count == 0;

    public bool NoChanges => Succeeded && Created.Count == 0 && Updated.Count == 0;

    public string Summary => !Succeeded
        ? string.Create(CultureInfo.InvariantCulture, $"{File}: rejected with {Errors.Count} error(s); nothing was written")
        : NoChanges
            ? $"{File}: no changes"
            : $"{File}: created {Describe(Created)}; updated {Describe(Updated)}";

    private static string Describe(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0
            ? "nothing"
            : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Value} {c.Key}")));
}
