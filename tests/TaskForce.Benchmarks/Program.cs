using System.CommandLine;
using TaskForce.Benchmarks;
using TaskForce.Benchmarks.Baselines;

Option<int> seconds = new("--seconds") { Description = "Seconds of load per concurrency level", DefaultValueFactory = _ => 10 };
Option<string> levels = new("--levels") { Description = "Comma-separated concurrency levels", DefaultValueFactory = _ => "1,16,64" };
Option<int> port = new("--port") { Description = "Loopback port of a baseline server", DefaultValueFactory = _ => 0 };
Option<string> database = new("--database") { Description = "SQLite file of the durable baseline", DefaultValueFactory = _ => string.Empty };

RootCommand root = new("TaskForce Bot benchmarks: each verb prints its figures with the target and PASS/FAIL.");

Command Verb(string name, string description, Func<BenchmarkSettings, ResultTable, CancellationToken, Task> run)
{
    Command command = new(name, description) { seconds, levels };
    command.SetAction(async (parseResult, cancellationToken) =>
    {
        BenchmarkSettings settings = BenchmarkSettings.From(parseResult.GetValue(seconds), parseResult.GetValue(levels)!);
        ResultTable table = new();
        await run(settings, table, cancellationToken);
        table.Print(Console.Out, settings);
        return 0;
    });
    return command;
}

root.Add(Verb("turns", "Report turns over HTTP against the real bot and the two baselines", TurnBenchmark.RunAsync));
root.Add(Verb("recognizer", "Recognizer utterances per second over the intents corpus (BenchmarkDotNet)", RecognizerRunner.RunAsync));
root.Add(Verb("queries", "Campaign and city-wide summaries over 1,000,000 reports", QueryBenchmark.RunAsync));
root.Add(Verb("scheduler", "A year of reminders for 15 campaigns x 200 attendees, and the dispatch rate", SchedulerBenchmark.RunAsync));
root.Add(Verb("faults", "kill -9 during reports, duplicate activities, hostile requests", FaultBenchmark.RunAsync));
root.Add(Verb("all", "Every benchmark in turn", async (settings, table, cancellationToken) =>
{
    await TurnBenchmark.RunAsync(settings, table, cancellationToken);
    await QueryBenchmark.RunAsync(settings, table, cancellationToken);
    await SchedulerBenchmark.RunAsync(settings, table, cancellationToken);
    await FaultBenchmark.RunAsync(settings, table, cancellationToken);
    await RecognizerRunner.RunAsync(settings, table, cancellationToken);
}));

Command baselineHttp = new("baseline-http", "Internal: the HTTP-limit baseline server") { port };
baselineHttp.SetAction((parseResult, cancellationToken) => BaselineServers.RunHttpAsync(parseResult.GetValue(port), cancellationToken));
root.Add(baselineHttp);
Command baselineDurable = new("baseline-durable", "Internal: the durable-turn-limit baseline server") { port, database };
baselineDurable.SetAction((parseResult, cancellationToken) =>
    BaselineServers.RunDurableAsync(parseResult.GetValue(port), parseResult.GetValue(database)!, cancellationToken));
root.Add(baselineDurable);

return await root.Parse(args).InvokeAsync();
