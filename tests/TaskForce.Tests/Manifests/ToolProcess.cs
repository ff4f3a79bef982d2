using System.Diagnostics;

namespace TaskForce.Tests.Manifests;

/// <summary>The outcome of an external tool run by a test.</summary>
internal sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}

/// <summary>Runs an external tool (node, npm, bicep) with a time limit and captures its output.</summary>
internal static class ToolProcess
{
    private static readonly TimeSpan s_timeLimit = TimeSpan.FromMinutes(5);

    public static async Task<ToolResult> RunAsync(string fileName, string workingDirectory, params string[] arguments)
    {
        ProcessStartInfo start = new(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using CancellationTokenSource limit = new(s_timeLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} ran longer than {s_timeLimit}.");
        }

        return new ToolResult(process.ExitCode, await stdout, await stderr);
    }
}
