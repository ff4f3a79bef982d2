using System.Globalization;

namespace TaskForce.Core.Export;

/// <summary>
/// One CSV field and where it came from. Text that people typed or imported is neutralised against formula
/// injection when written; a value the exporter formatted itself (an id, a percent, a time) is written as is, so a
/// negative number stays a number.
/// </summary>
public readonly record struct CsvCell
{
    private CsvCell(string? value, bool userText)
    {
        Value = value;
        IsUserText = userText;
    }

    public string? Value { get; }

    public bool IsUserText { get; }

    /// <summary>Text from a person or a roster file: a leading formula character gets a <c>'</c> in front.</summary>
    public static CsvCell Text(string? value) => new(value, userText: true);

    public static CsvCell Number(long? value) => new(value?.ToString(CultureInfo.InvariantCulture), userText: false);

    /// <summary>A value the exporter formatted from typed data (a time, a header); never pass text a person wrote.</summary>
    public static CsvCell Formatted(string? value) => new(value, userText: false);
}
