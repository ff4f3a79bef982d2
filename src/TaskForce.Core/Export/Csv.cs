using System.Text;

namespace TaskForce.Core.Export;

/// <summary>
/// RFC 4180 CSV: CRLF line ends; a field with a comma, quote, CR or LF is quoted and its quotes doubled. A text
/// field that starts with <c>= + - @</c>, tab or CR would be a live formula in Excel or LibreOffice, so it gets a
/// leading <c>'</c> first (OWASP "CSV injection"; CsvHelper's <c>InjectionOptions.Escape</c> does the same).
/// </summary>
public static class Csv
{
    private static readonly char[] s_formulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>UTF-8 with a byte-order mark, so Excel opens Chinese text correctly.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static string Build(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<CsvCell>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        AppendRow(text, header.Select(CsvCell.Formatted));
        foreach (IReadOnlyList<CsvCell> row in rows)
        {
            AppendRow(text, row);
        }

        return text.ToString();
    }

    /// <summary>The field as it goes into the file: neutralised when it is user text, then quoted when needed.</summary>
    public static string Write(CsvCell cell) => Escape(cell.IsUserText ? Neutralize(cell.Value) : cell.Value);

    /// <summary>Puts a <c>'</c> before text that a spreadsheet would otherwise run as a formula.</summary>
    public static string? Neutralize(string? field) =>
        string.IsNullOrEmpty(field) || Array.IndexOf(s_formulaStarts, field[0]) < 0 ? field : "'" + field;

    public static string Escape(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }

    /// <summary>Splits CSV text produced by <see cref="Build"/> (or any RFC 4180 text) back into rows of fields.</summary>
    public static List<List<string>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<List<string>> rows = [];
        List<string> row = [];
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }

    private static void AppendRow(StringBuilder text, IEnumerable<CsvCell> fields) =>
        text.AppendJoin(',', fields.Select(Write)).Append("\r\n");
}
