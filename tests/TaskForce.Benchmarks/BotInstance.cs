using System.Diagnostics;
using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TaskForce.Benchmarks;

/// <summary>
/// The real bot, built in Release, run as its own process in development mode on a fresh temp database that
/// holds a generated roster.
/// </summary>
internal sealed class BotInstance(string directory, string databasePath) : IAsyncDisposable
{
    public string Directory { get; } = directory;

    public string DatabasePath { get; } = databasePath;

    public ServerProcess? Server { get; private set; }

    public static string RepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The benchmark's own assembly, started again as <c>dotnet dll baseline-...</c> for the baselines.</summary>
    public static string SelfDll => Assembly.GetExecutingAssembly().Location;

    private static string? s_dll;

    public static async Task<string> BotDllAsync(CancellationToken cancellationToken)
    {
        if (s_dll is not null)
        {
            return s_dll;
        }

        string root = RepoRoot();
        string dll = Path.Combine(root, "src", "TaskForce.Bot", "bin", "Release", "net10.0", "TaskForce.Bot.dll");
        Console.WriteLine("building the bot in Release ...");
        await RunAsync("dotnet", ["build", "-c", "Release", "--nologo", "-v", "q", Path.Combine(root, "src", "TaskForce.Bot")], new Dictionary<string, string>(), cancellationToken);
        s_dll = dll;
        return dll;
    }

    public static async Task<BotInstance> CreateAsync(int users, CancellationToken cancellationToken)
    {
        string directory = Path.Combine(Path.GetTempPath(), $"tf-bench-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        BotInstance bot = new(directory, Path.Combine(directory, "taskforce.db"));
        string roster = BenchRoster.Write(directory, users);
        string dll = await BotDllAsync(cancellationToken);
        await RunAsync("dotnet", [dll, "import", roster], bot.Environment(0), cancellationToken);
        return bot;
    }

    public Dictionary<string, string> Environment(int port) => new(StringComparer.Ordinal)
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["Storage__ConnectionString"] = $"Data Source={DatabasePath}",
        ["Storage__Synchronous"] = "FULL",
        ["Roster__ImportDemoWhenEmpty"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
        ["urls"] = $"http://127.0.0.1:{port}",
    };

    public async Task<ServerProcess> StartAsync(CancellationToken cancellationToken)
    {
        string dll = await BotDllAsync(cancellationToken);
        int port = ServerProcess.FreePort();
        Server = await ServerProcess.StartAsync(dll, [], Environment(port), port, cancellationToken);
        return Server;
    }

    public async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = new($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: cancellationToken));
    }

    public async Task<IEnumerable<T>> QueryAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = new($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<T>(new CommandDefinition(sql, cancellationToken: cancellationToken))];
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = new($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, cancellationToken: cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static async Task RunAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        ProcessStartInfo start = new(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string key, string value) in environment)
        {
            start.Environment[key] = value;
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + file);
        Task<string> output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }
}
