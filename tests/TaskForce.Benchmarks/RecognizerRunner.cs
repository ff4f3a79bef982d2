using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using TaskForce.Dialogs.Recognizers;
using TaskForce.Dialogs.Recognizers.Classifier;

namespace TaskForce.Benchmarks;

/// <summary>
/// Runs <see cref="RecognizerBenchmarks"/> (a short in-process BenchmarkDotNet job with the memory diagnoser) and checks
/// utterances/s. A plain ordinal <c>Contains</c> scan over the same utterances runs in the same job as a reference, so
/// the ratio to it shows whether a slow figure is the recognizer or the machine's load; utterances per CPU-second
/// (process CPU time instead of the clock) hold still when other processes share the cores.
/// </summary>
internal static class RecognizerRunner
{
    public const double Target = 20_000;

    /// <summary>
    /// The recognizer's best corpus pass may take at most this many best Contains-scan passes. The recognizer before the
    /// 2026-11 speed-up took 26–28 and made 22,500 utterances/s in a quiet run, so 20 stands for about 30,000/s.
    /// </summary>
    public const double RatioTarget = 20;

    /// <summary>The recognizers the held-out corpus measures side by side.</summary>
    public static IReadOnlyList<(string Name, IRecognizer Recognizer)> HeldOutRecognizers() =>
    [
        ("rules only", new RuleRecognizer()),
        ("classifier", new ClassifierRecognizer()),
    ];

    public static Task RunHeldOutAsync(BenchmarkSettings settings, ResultTable table, CancellationToken cancellationToken)
    {
        HeldOutMeasurement.Run(table, HeldOutRecognizers());
        Stopwatch clock = Stopwatch.StartNew();
        IntentClassifier trained = IntentClassifier.Train(RecognizerData.Yaml("intents.yaml"));
        table.Info(string.Create(CultureInfo.InvariantCulture, $"classifier training at start-up ({trained.ExampleCount} examples), ms"), ResultTable.Format(clock.Elapsed.TotalMilliseconds, "0"));
        return Task.CompletedTask;
    }

    public static Task RunAsync(BenchmarkSettings settings, ResultTable table, CancellationToken cancellationToken)
    {
        HeldOutMeasurement.Run(table, HeldOutRecognizers());
        IConfig config = ManualConfig.CreateEmpty()
            .AddJob(Job.ShortRun.WithWarmupCount(6).WithIterationCount(15).WithIterationTime(TimeInterval.FromMilliseconds(200))
                .WithToolchain(InProcessEmitToolchain.Instance))
            .AddLogger(ConsoleLogger.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithOptions(ConfigOptions.DisableLogFile | ConfigOptions.JoinSummary);
        // Warm the recognizer up first: on a loaded machine the runtime's background recompilation of its hot methods
        // can outlast the job's own warm-up, and the first benchmark would time unoptimized code.
        Warm(TimeSpan.FromSeconds(3));
        Summary summary = BenchmarkRunner.Run<RecognizerBenchmarks>(config);
        int cases = RecognizerBenchmarks.CaseCount;
        string label = string.Create(CultureInfo.InvariantCulture, $"({cases} corpus cases)");

        double? recognize = PerUtterance(summary, nameof(RecognizerBenchmarks.Recognize), cases, out _);
        double? baseline = PerUtterance(summary, nameof(RecognizerBenchmarks.BaselineContainsScan), cases, out _);
        if (recognize is null || baseline is null)
        {
            table.Check("recognizer utterances/s", "no result", ">= 20000", pass: false);
            return Task.CompletedTask;
        }

        double perSecond = 1e9 / recognize.Value;
        table.Check($"recognizer utterances/s, rules only {label}", ResultTable.Format(perSecond, "0"), ">= 20000", perSecond >= Target);
        if (PerUtterance(summary, nameof(RecognizerBenchmarks.RecognizeWithClassifier), cases, out _) is double classified)
        {
            table.Check($"recognizer utterances/s, with classifier (the default) {label}", ResultTable.Format(1e9 / classified, "0"), ">= 20000", 1e9 / classified >= Target);
        }

        double perCpuSecond = PerCpuSecond(TimeSpan.FromSeconds(5));
        table.Check("recognizer utterances per CPU-second (process CPU time, 5 s)", ResultTable.Format(perCpuSecond, "0"), ">= 20000", perCpuSecond >= Target);
        table.Info($"recognizer baseline: Contains scan utterances/s {label}", ResultTable.Format(1e9 / baseline.Value, "0"));
        double ratio = BestPassRatio(TimeSpan.FromSeconds(5));
        table.Check("recognizer best corpus pass vs Contains scan best pass (interleaved, 5 s)", ResultTable.Format(ratio, "0.0") + "x",
            "<= " + ResultTable.Format(RatioTarget, "0") + "x", ratio <= RatioTarget);
        foreach ((string method, string stage) in RecognizerBenchmarks.Stages)
        {
            if (PerUtterance(summary, method, cases, out double bytes) is double ns)
            {
                table.Info($"  profile recognizer: {stage} ns/utterance, bytes/utterance", ResultTable.Format(ns, "0") + ", " + ResultTable.Format(bytes, "0"));
            }
        }

        return Task.CompletedTask;
    }

    private static void Warm(TimeSpan duration)
    {
        RecognizerBenchmarks benchmarks = new();
        Stopwatch clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            benchmarks.Recognize();
        }
    }

    /// <summary>
    /// Whole corpus passes for the given time, counted against the process's CPU time rather than the clock: on a
    /// shared machine the clock also counts the time other processes held the cores, CPU time does not.
    /// </summary>
    private static double PerCpuSecond(TimeSpan duration)
    {
        RecognizerBenchmarks benchmarks = new();
        using Process process = Process.GetCurrentProcess();
        Stopwatch clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            benchmarks.Recognize();
        }

        process.Refresh();
        TimeSpan start = process.TotalProcessorTime;
        long passes = 0;
        clock.Restart();
        while (clock.Elapsed < duration)
        {
            benchmarks.Recognize();
            passes++;
        }

        process.Refresh();
        return passes * RecognizerBenchmarks.CaseCount / (process.TotalProcessorTime - start).TotalSeconds;
    }

    /// <summary>
    /// The fastest recognizer pass over the corpus against the fastest Contains scan, the two run alternately so both
    /// see the same load; the fastest pass is the one least disturbed by other processes.
    /// </summary>
    private static double BestPassRatio(TimeSpan duration)
    {
        RecognizerBenchmarks benchmarks = new();
        double recognize = double.MaxValue;
        double baseline = double.MaxValue;
        Stopwatch clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            long start = Stopwatch.GetTimestamp();
            benchmarks.Recognize();
            recognize = Math.Min(recognize, Stopwatch.GetElapsedTime(start).TotalNanoseconds);
            start = Stopwatch.GetTimestamp();
            benchmarks.BaselineContainsScan();
            baseline = Math.Min(baseline, Stopwatch.GetElapsedTime(start).TotalNanoseconds);
        }

        return recognize / baseline;
    }

    /// <summary>Median nanoseconds per utterance of one corpus-pass benchmark (15 iterations), and its allocated bytes per utterance.</summary>
    private static double? PerUtterance(Summary summary, string method, int cases, out double bytes)
    {
        BenchmarkReport? report = summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
        bytes = report is null ? 0 : (report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0) / (double)cases;
        return report?.ResultStatistics?.Median / cases;
    }
}
