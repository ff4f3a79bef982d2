using System.CommandLine;

namespace TaskForce.Bot.Cli;

/// <summary>The administrator's verbs on the bot executable (System.CommandLine).</summary>
internal static class AdminCli
{
    private static readonly string[] s_verbs = ["manifest"];

    public static bool IsAdminCommand(string[] args) =>
        args.Length > 0 && (s_verbs.Contains(args[0], StringComparer.Ordinal) || args[0] is "--help" or "-h" or "help");

    public static async Task<int> RunAsync(string[] args)
    {
        RootCommand root = new("TaskForce Bot: run without arguments to serve; verbs administer the database.");
        root.Add(ManifestCommand.Create());
        return await root.Parse(args).InvokeAsync();
    }
}
