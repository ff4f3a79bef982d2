using System.CommandLine;
using TaskForce.Benchmarks;
using TaskForce.Benchmarks.Baselines;

Option<int> seconds = new("--seconds") { Description = "Seconds of load per concurrency level", DefaultValueFactory = _ => 10 };
Option<string> levels = new("--levels") { Description = "Comma-separated concurrency levels", DefaultValueFactory = _ => "1,16,64" };
Option<int> port = new("--port") { Description = "Loopback port of a baseline server", DefaultValueFactory = _ => 0 };
Option<string> database = new("--database") { Description = "SQLite file of the durable baseline", DefaultValueFactory = _ => string.Empty };
Option<int> downSeconds = new("--down-seconds") { Description = "How long the connector is down in the faults run", DefaultValueFactory = _ => 120 };
Option<double> holdSeconds = new("--seconds") { Description = "How long the lock is held", DefaultValueFactory = _ => 5 };

RootCommand root = new("TaskForce Bot benchmarks: each verb prints its figures with the target and PASS/FAIL.");

Command Verb(string name, string description, Func<BenchmarkSettings, ResultTable, CancellationToken, Task> run) =>
    VerbWith(name, description, (_, settings, table, cancellationToken) => run(settings, table, cancellationToken));

Command VerbWith(string name, string description, Func<ParseResult, BenchmarkSettings, ResultTable, CancellationToken, Task> run, params Option[] extra)
{
    Command command = new(name, description) { seconds, levels };
    foreach (Option option in extra)
    {
        command.Options.Add(option);
    }

    command.SetAction(async (parseResult, cancellationToken) =>
    {
        BenchmarkSettings settings = BenchmarkSettings.From(parseResult.GetValue(seconds), parseResult.GetValue(levels)!);
        ResultTable table = new();
        await run(parseResult, settings, table, cancellationToken);
        table.Print(Console.Out, settings);
        return 0;
    });
    return command;
}

root.Add(Verb("turns", "Report turns over HTTP against the real bot and the two baselines", TurnBenchmark.RunAsync));
root.Add(Verb("recognizer", "Recognizer utterances per second over the intents corpus (BenchmarkDotNet)", RecognizerRunner.RunAsync));
root.Add(Verb("heldout", "Held-out corpus accuracy only (the first rows of the recognizer verb, without the speed runs)", RecognizerRunner.RunHeldOutAsync));
root.Add(Verb("mlnet", "The own intent classifier beside ML.NET SDCA on the same examples and held-out corpus", MlNetComparison.RunAsync));
root.Add(Verb("queries", "Campaign and city-wide summaries over 1,000,000 reports", QueryBenchmark.RunAsync));
root.Add(Verb("scheduler", "A year of reminders for 15 campaigns x 200 attendees, and the dispatch rate", SchedulerBenchmark.RunAsync));
TimeSpan Down(ParseResult parseResult) => TimeSpan.FromSeconds(Math.Max(1, parseResult.GetValue(downSeconds)));
root.Add(VerbWith("faults", "kill -9 during reports, duplicate activities, hostile requests, a locked database, the connector down",
    (parseResult, settings, table, cancellationToken) => FaultBenchmark.RunAsync(settings, Down(parseResult), table, cancellationToken), downSeconds));
root.Add(VerbWith("all", "Every benchmark in turn", async (parseResult, settings, table, cancellationToken) =>
{
    await TurnBenchmark.RunAsync(settings, table, cancellationToken);
    await QueryBenchmark.RunAsync(settings, table, cancellationToken);
    await SchedulerBenchmark.RunAsync(settings, table, cancellationToken);
    await FaultBenchmark.RunAsync(settings, Down(parseResult), table, cancellationToken);
    await RecognizerRunner.RunAsync(settings, table, cancellationToken);
}, downSeconds));

Command baselineHttp = new("baseline-http", "Internal: the HTTP-limit baseline server") { port };
baselineHttp.SetAction((parseResult, cancellationToken) => BaselineServers.RunHttpAsync(parseResult.GetValue(port), cancellationToken));
root.Add(baselineHttp);
Command baselineDurable = new("baseline-durable", "Internal: the durable-turn-limit baseline server") { port, database };
baselineDurable.SetAction((parseResult, cancellationToken) =>
    BaselineServers.RunDurableAsync(parseResult.GetValue(port), parseResult.GetValue(database)!, cancellationToken));
root.Add(baselineDurable);
Command holdLock = new("hold-lock", "Internal: holds BEGIN EXCLUSIVE on a SQLite file, as another process would") { database, holdSeconds };
holdLock.SetAction((parseResult, cancellationToken) =>
    LockHolder.HoldAsync(parseResult.GetValue(database)!, TimeSpan.FromSeconds(parseResult.GetValue(holdSeconds)), cancellationToken));
root.Add(holdLock);

return await root.Parse(args).InvokeAsync();
