using System.Globalization;

namespace TaskForce.Core.Roster;

/// <summary>One problem found in a roster file, pointing at the file, the 1-based line and the field.</summary>
public sealed record RosterError(string File, int Line, string Field, string Message)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}: {Field}: {Message}");
}
