using System.Diagnostics;
using System.Reflection;

namespace TaskForce.IntegrationTests.Infrastructure;

/// <summary>
/// Starts the bot the way the README does, <c>dotnet run --project src/TaskForce.Bot</c>, from a chosen folder. It does
/// not build again (the test run has built the bot in the same configuration) and it ignores a
/// Storage__ConnectionString of the machine, so the default database location is what is exercised.
/// </summary>
internal static class DotnetRun
{
    private static readonly string s_configuration =
        typeof(Program).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static Process Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("Storage__ConnectionString");
        foreach (string arg in (string[])["run", "--project", BotProjectDirectory(), "--no-build", "-c", s_configuration, "--", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs an admin verb to its end.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, params string[] args)
    {
        using Process process = Start(workingDirectory, args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        Task<string> output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        Task<string> error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }

    public static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Bot.sln was not found above {AppContext.BaseDirectory}.");
    }

    private static string BotProjectDirectory() => Path.Combine(RepositoryRoot(), "src", "TaskForce.Bot");
}
