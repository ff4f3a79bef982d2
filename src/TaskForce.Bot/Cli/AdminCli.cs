using System.CommandLine;

namespace TaskForce.Bot.Cli;

/// <summary>The administrator's verbs on the bot executable (System.CommandLine).</summary>
internal static class AdminCli
{
    private static readonly string[] s_verbs = ["import", "export", "members", "backup", "link-code", "outbox", "meetings", "manifest"];

    public static bool IsAdminCommand(string[] args) =>
        args.Length > 0 && (s_verbs.Contains(args[0], StringComparer.Ordinal) || args[0] is "--help" or "-h" or "help");

    public static async Task<int> RunAsync(string[] args)
    {
        await using var services = new CliServices();
        return await RunAsync(args, services, Console.Out, Console.Error, CancellationToken.None);
    }

    public static async Task<int> RunAsync(string[] args, CliServices services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        RootCommand root = new("TaskForce Bot: run without arguments to serve; verbs administer the database.")
        {
            ImportCommand.Create(services),
            ExportCommand.Create(services),
            MembersCommand.Create(services),
            BackupCommand.Create(services),
            LinkCodeCommand.Create(services),
            ManifestCommand.Create(),
        };

        // The scheduler verbs read the outbox and meetings through the migrated database; only the manifest verb needs none.
        if (args is not ["manifest", ..])
        {
            IServiceProvider provider = await services.GetAsync(cancellationToken);
            root.Add(OutboxCommand.Create(provider));
            root.Add(MeetingsCommand.Create(provider));
        }

        string[] effective = args is ["help", .. var rest] ? ["--help", .. rest] : args;
        return await root.Parse(effective).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
