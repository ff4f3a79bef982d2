using System.CommandLine;
using TaskForce.Core.Storage;

namespace TaskForce.Bot.Cli;

/// <summary><c>backup &lt;file&gt;</c>: a consistent copy of the live database (SQLite online backup).</summary>
internal static class BackupCommand
{
    public static Command Create(CliServices services)
    {
        Argument<string> file = new("file") { Description = "Where to write the copy; must not exist yet" };
        Command command = new("backup", "Copy the database to a new file while the bot keeps running.") { file };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string path = parseResult.GetValue(file)!;
            try
            {
                await (await services.GetAsync(cancellationToken)).GetRequiredService<DatabaseBackup>().BackupAsync(path, cancellationToken);
            }
            catch (IOException ex)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(ex.Message);
                return 1;
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"Backed up to {Path.GetFullPath(path)}");
            return 0;
        });
        return command;
    }
}
