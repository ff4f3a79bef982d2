using System.Globalization;

namespace TaskForce.Benchmarks;

/// <summary>The figures of a run: each with its value, the target it is held to, and whether it meets it.</summary>
internal sealed class ResultTable
{
    private readonly List<Row> _rows = [];
    private readonly List<string> _notes = [];

    public void Info(string figure, string value) => _rows.Add(new Row(figure, value, string.Empty, null));

    public void Check(string figure, string value, string target, bool pass) => _rows.Add(new Row(figure, value, target, pass));

    public void Note(string note) => _notes.Add(note);

    public void Print(TextWriter output, BenchmarkSettings settings)
    {
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Results ({Environment.ProcessorCount} cores, {settings.Duration.TotalSeconds:0} s per level, levels {string.Join(',', settings.Levels)})"));
        int width = Math.Max(6, _rows.Count == 0 ? 6 : _rows.Max(row => row.Figure.Length));
        int valueWidth = Math.Max(5, _rows.Count == 0 ? 5 : _rows.Max(row => row.Value.Length));
        int targetWidth = Math.Max(6, _rows.Count == 0 ? 6 : _rows.Max(row => row.Target.Length));
        output.WriteLine($"| {"figure".PadRight(width)} | {"value".PadRight(valueWidth)} | {"target".PadRight(targetWidth)} | result |");
        output.WriteLine($"|{new string('-', width + 2)}|{new string('-', valueWidth + 2)}|{new string('-', targetWidth + 2)}|--------|");
        foreach (Row row in _rows)
        {
            string result = row.Pass switch { true => "PASS", false => "FAIL", null => string.Empty };
            output.WriteLine($"| {row.Figure.PadRight(width)} | {row.Value.PadRight(valueWidth)} | {row.Target.PadRight(targetWidth)} | {result,-6} |");
        }

        foreach (string note in _notes)
        {
            output.WriteLine("note: " + note);
        }
    }

    public static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private sealed record Row(string Figure, string Value, string Target, bool? Pass);
}
