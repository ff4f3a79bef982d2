using System.Globalization;

namespace TaskForce.Benchmarks;

/// <summary>How long and at which concurrency levels the load runs.</summary>
internal sealed record BenchmarkSettings(TimeSpan Duration, IReadOnlyList<int> Levels)
{
    public static BenchmarkSettings From(int seconds, string levels) => new(
        TimeSpan.FromSeconds(Math.Max(1, seconds)),
        [.. levels.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(level => int.Parse(level, CultureInfo.InvariantCulture))]);
}
