using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TaskForce.Benchmarks;

/// <summary>
/// Another OS process locking the bot's database: this program started again as <c>hold-lock</c>, which holds
/// <c>BEGIN EXCLUSIVE</c> on the file for a while, as a backup tool or an admin's <c>sqlite3</c> session would.
/// </summary>
internal static class LockHolder
{
    public const string LockedLine = "locked";

    /// <summary>The <c>hold-lock</c> verb: takes the write lock, says so on stdout, holds it, then rolls back.</summary>
    public static async Task<int> HoldAsync(string database, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = new($"Data Source={database};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("BEGIN EXCLUSIVE;", cancellationToken: cancellationToken));
        await Console.Out.WriteLineAsync(LockedLine);
        await Console.Out.FlushAsync(cancellationToken);
        await Task.Delay(duration, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("ROLLBACK;", cancellationToken: cancellationToken));
        return 0;
    }

    /// <summary>Health of the bot sampled while the other process held the lock.</summary>
    public sealed record Outcome(TimeSpan Held, int HealthPolls, int HealthOk);

    /// <summary>
    /// Starts the holder process, waits until it has the lock, then polls the bot's <c>/healthz</c> every 250 ms
    /// until the holder exits.
    /// </summary>
    public static async Task<Outcome> LockWhilePollingAsync(string database, TimeSpan duration, Uri bot, CancellationToken cancellationToken)
    {
        ProcessStartInfo start = new("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { BotInstance.SelfDll, "hold-lock", "--database", database, "--seconds", duration.TotalSeconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using Process holder = Process.Start(start) ?? throw new InvalidOperationException("could not start the lock holder");
        Task<string> errors = holder.StandardError.ReadToEndAsync(cancellationToken);
        string? line;
        while ((line = await holder.StandardOutput.ReadLineAsync(cancellationToken)) != LockedLine)
        {
            if (line is null)
            {
                throw new InvalidOperationException("the lock holder exited before it had the lock:\n" + await errors);
            }
        }

        Stopwatch held = Stopwatch.StartNew();
        using HttpClient client = new() { BaseAddress = bot, Timeout = TimeSpan.FromSeconds(5) };
        int polls = 0, ok = 0;
        while (!holder.HasExited)
        {
            polls++;
            if (await HealthAsync(client, cancellationToken) == 200)
            {
                ok++;
            }

            await Task.Delay(250, cancellationToken);
        }

        await holder.WaitForExitAsync(cancellationToken);
        held.Stop();
        return holder.ExitCode == 0
            ? new Outcome(held.Elapsed, polls, ok)
            : throw new InvalidOperationException($"the lock holder exited with {holder.ExitCode}:\n{await errors}");
    }

    public static async Task<int> HealthAsync(HttpClient client, CancellationToken cancellationToken)
    {
        try
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
    }
}
