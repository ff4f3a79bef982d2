namespace TaskForce.Benchmarks;

internal static class SchedulerBenchmark
{
    public static Task RunAsync(BenchmarkSettings settings, ResultTable table, CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static class FaultBenchmark
{
    public static Task RunAsync(BenchmarkSettings settings, ResultTable table, CancellationToken cancellationToken) => Task.CompletedTask;
}
