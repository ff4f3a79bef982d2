using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.IntegrationTests.Infrastructure;

namespace TaskForce.IntegrationTests.Cli;

/// <summary>
/// The README's commands run from another folder than the project's: the database and every relative path the
/// administrator types belong to the folder the command was run in.
/// </summary>
public sealed partial class WorkingFolderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"tf-run-{Guid.NewGuid():N}");

    public WorkingFolderTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task DotnetRunImport_RelativeFile_ImportsIntoDataFolderWhereRun()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "samples"));
        File.Copy(Path.Combine(DotnetRun.RepositoryRoot(), "samples", "demo-roster.yaml"), Path.Combine(_folder, "samples", "demo-roster.yaml"));

        (int exitCode, string output, string error) = await DotnetRun.RunAsync(_folder, "import", "samples/demo-roster.yaml");

        Assert.True(exitCode == 0, error);
        Assert.Contains("created", output, StringComparison.Ordinal);
        Assert.Equal(3, await CampaignsAsync(Path.Combine(_folder, "data", "taskforce.db")));
    }

    [Fact]
    public async Task DotnetRunExportAndBackup_RelativeTargets_WriteIntoFolderWhereRun()
    {
        (int exported, _, string exportError) = await DotnetRun.RunAsync(
            _folder, "export", "reports", "--from", "2026-11-01", "--to", "2026-11-30", "--out", "reports.csv");
        (int backedUp, _, string backupError) = await DotnetRun.RunAsync(_folder, "backup", "backups/taskforce-copy.db");

        Assert.True(exported == 0, exportError);
        Assert.True(File.Exists(Path.Combine(_folder, "reports.csv")));
        Assert.True(backedUp == 0, backupError);
        Assert.True(File.Exists(Path.Combine(_folder, "backups", "taskforce-copy.db")));
        Assert.True(File.Exists(Path.Combine(_folder, "data", "taskforce.db")));
    }

    [Fact]
    public async Task DotnetRunServe_EmptyFolder_CreatesDatabaseThereWithDemoRoster()
    {
        using Process bot = DotnetRun.Start(_folder, "--urls=http://127.0.0.1:0");
        try
        {
            Uri address = await ListeningAddressAsync(bot);
            using var client = new HttpClient { BaseAddress = address };

            HttpResponseMessage health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
        }

        Assert.Equal(3, await CampaignsAsync(Path.Combine(_folder, "data", "taskforce.db")));
    }

    private static async Task<Uri> ListeningAddressAsync(Process bot)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (await bot.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                // The rest of the log is not read; drain it so the bot never blocks on a full pipe.
                _ = bot.StandardOutput.ReadToEndAsync(CancellationToken.None);
                _ = bot.StandardError.ReadToEndAsync(CancellationToken.None);
                return new Uri(match.Groups["address"].Value);
            }
        }

        throw new InvalidOperationException($"The bot exited before listening: {await bot.StandardError.ReadToEndAsync(timeout.Token)}");
    }

    private static async Task<long> CampaignsAsync(string databasePath)
    {
        Assert.True(File.Exists(databasePath), $"{databasePath} does not exist");
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Campaigns;");
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)", RegexOptions.None, 1000)]
    private static partial Regex ListeningOn();
}
