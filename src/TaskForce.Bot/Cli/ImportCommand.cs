using System.CommandLine;
using TaskForce.Core.Roster;

namespace TaskForce.Bot.Cli;

/// <summary><c>import &lt;file&gt;</c>: loads a roster file; prints a summary, or every error and exits with 1.</summary>
internal static class ImportCommand
{
    public const string Actor = "cli:import";

    public static Command Create(CliServices services)
    {
        Argument<string> file = new("file") { Description = "Roster YAML file (format: docs/roster-format.md)" };
        Command command = new("import", "Import or update departments, campaigns, members, tasks, meetings and the calendar from a roster file.") { file };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            IServiceProvider provider = await services.GetAsync(cancellationToken);
            RosterImportResult result = await provider.GetRequiredService<RosterImporter>()
                .ImportFileAsync(parseResult.GetValue(file)!, Actor, cancellationToken);
            TextWriter output = result.Succeeded ? parseResult.InvocationConfiguration.Output : parseResult.InvocationConfiguration.Error;
            foreach (RosterError error in result.Errors)
            {
                await output.WriteLineAsync(error.ToString());
            }

            await output.WriteLineAsync(result.Summary);
            return result.Succeeded ? 0 : 1;
        });
        return command;
    }
}
