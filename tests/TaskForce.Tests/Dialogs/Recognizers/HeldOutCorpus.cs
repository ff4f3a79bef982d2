using TaskForce.Tests.Architecture;

namespace TaskForce.Tests.Dialogs.Recognizers;

/// <summary>The held-out corpus (heldout.tsv): messages written apart from the rules and the training examples.</summary>
internal static class HeldOutCorpus
{
    public static IReadOnlyList<(string Text, string Intent)> Lines { get; } = [.. File.ReadLines(
            Path.Combine(DependencyRulesTests.RepoRoot(), "tests", "TaskForce.Tests", "Dialogs", "Recognizers", "heldout.tsv"))
        .Skip(1)
        .Where(line => line.Length > 0)
        .Select(line => line.Split('\t'))
        .Select(fields => (fields[0], fields[1]))];
}
