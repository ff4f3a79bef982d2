using System.Diagnostics;

namespace TaskForce.IntegrationTests.Operations;

/// <summary>Starts the real bot process with bad settings: it must refuse with one readable line per bad value.</summary>
public sealed class ConfigurationValidationTests
{
    [Fact]
    public async Task Start_BadValues_ExitsWithCode2AndOneLinePerValue()
    {
        (int exitCode, string error) = await RunBotAsync(
            "--Storage:Synchronous=SOMETIMES", "--Outbox:BatchSize=0", "--AzureOpenAI:Endpoint=not-a-url", "--AzureOpenAI:Deployment=chat");

        Assert.Equal(2, exitCode);
        string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("The configuration is not valid", lines[0], StringComparison.Ordinal);
        Assert.Contains("- StorageOptions.Synchronous: Storage:Synchronous must be FULL, NORMAL or EXTRA.", lines);
        Assert.Contains("- OutboxOptions.BatchSize: The field BatchSize must be between 1 and 500.", lines);
        Assert.Contains("- LanguageModelOptions.Endpoint: AzureOpenAI:Endpoint must be an absolute http(s) URI.", lines);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BadShutdownTimeout_NamesTheKey()
    {
        (int exitCode, string error) = await RunBotAsync("--Host:ShutdownTimeout=00:00:00");

        Assert.Equal(2, exitCode);
        Assert.Contains("- ShutdownOptions.ShutdownTimeout: Host:ShutdownTimeout must be between 00:00:01 and 00:10:00.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ValueOfWrongType_ExitsWithCode2AndOneLineNamingTheKey()
    {
        (int exitCode, string error) = await RunBotAsync("--TrafficLight:RedBehindPoints=abc");

        Assert.Equal(2, exitCode);
        Assert.Contains("  - TrafficLight:RedBehindPoints: 'abc' is not a whole number.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Error)> RunBotAsync(params string[] settings)
    {
        string directory = Path.Combine(Path.GetTempPath(), $"tf-config-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = directory,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            start.Environment["DOTNET_ENVIRONMENT"] = "Production";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.ArgumentList.Add(typeof(Program).Assembly.Location);
            start.ArgumentList.Add("--urls=http://127.0.0.1:0");
            start.ArgumentList.Add($"--Storage:ConnectionString=Data Source={Path.Combine(directory, "bot.db")}");
            foreach (string setting in settings)
            {
                start.ArgumentList.Add(setting);
            }

            using Process process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            Task<string> error = process.StandardError.ReadToEndAsync(timeout.Token);
            Task<string> output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            await output;
            return (process.ExitCode, await error);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
