using System.Globalization;
using TaskForce.Dialogs.Recognizers;

namespace TaskForce.Benchmarks;

/// <summary>One line of the held-out corpus: the message, its intent, and the task key and percent when it names them.</summary>
internal sealed record HeldOutCase(string Text, Intent Intent, string? Task, int? Percent)
{
    public bool IsOneMessageReport => Intent == Intent.ReportProgress && Task is not null && Percent is not null;

    public static IReadOnlyList<HeldOutCase> Load()
    {
        string path = Path.Combine(BotInstance.RepoRoot(), "tests", "TaskForce.Tests", "Dialogs", "Recognizers", "heldout.tsv");
        return [.. File.ReadLines(path).Skip(1).Where(line => line.Length > 0).Select(Parse)];
    }

    private static HeldOutCase Parse(string line)
    {
        string[] fields = line.Split('\t');
        return new HeldOutCase(
            fields[0],
            Enum.Parse<Intent>(fields[1]),
            fields[2] == "-" ? null : fields[2],
            fields[3] == "-" ? null : int.Parse(fields[3], CultureInfo.InvariantCulture));
    }
}
