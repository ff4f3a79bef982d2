using System.Text;
using TaskForce.Bot.Cli;
using TaskForce.Tests.Core.Roster;

namespace TaskForce.Tests.Bot.Cli;

public sealed class AdminCliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"tf-cli-{Guid.NewGuid():N}");

    public AdminCliTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void IsAdminCommand_EveryVerb_IsRecognized()
    {
        Assert.All(["import", "export", "members", "backup"], verb => Assert.True(AdminCli.IsAdminCommand([verb])));
        Assert.False(AdminCli.IsAdminCommand([]));
        Assert.False(AdminCli.IsAdminCommand(["--urls=http://127.0.0.1:3978"]));
    }

    [Fact]
    public async Task RunAsync_ImportDemoThenAgain_ReportsCreatedThenNoChanges()
    {
        (int first, string firstOut, _) = await RunAsync("import", RosterTestData.DemoPath);
        (int second, string secondOut, _) = await RunAsync("import", RosterTestData.DemoPath);

        Assert.Equal(0, first);
        Assert.Contains("created", firstOut, StringComparison.Ordinal);
        Assert.Contains("16 Task", firstOut, StringComparison.Ordinal);
        Assert.Equal(0, second);
        Assert.Contains("no changes", secondOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ImportBadFile_PrintsErrorsAndExitsWithOne()
    {
        string bad = Path.Combine(_dir, "bad.yaml");
        await File.WriteAllTextAsync(bad, RosterTestData.Small.Replace("owner: alice", "owner: zed", StringComparison.Ordinal));

        (int code, _, string error) = await RunAsync("import", bad);

        Assert.Equal(1, code);
        Assert.Contains($"{bad}:", error, StringComparison.Ordinal);
        Assert.Contains("tasks[0].owner: unknown member 'zed'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ExportToFile_WritesBomAndRows()
    {
        await RunAsync("import", RosterTestData.DemoPath);
        string file = Path.Combine(_dir, "reports.csv");

        (int code, _, _) = await RunAsync("export", "reports", "--from", "2026-11-01", "--to", "2026-11-30", "--out", file);

        Assert.Equal(0, code);
        byte[] bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(17, Encoding.UTF8.GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task RunAsync_ExportWithBadDate_ExitsWithOne()
    {
        (int code, _, string error) = await RunAsync("export", "blockers", "--from", "2026-11-31", "--to", "2026-12-01");

        Assert.Equal(1, code);
        Assert.Contains("yyyy-MM-dd", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MembersAfterImport_ListsLinkStatus()
    {
        await RunAsync("import", RosterTestData.DemoPath);

        (int code, string output, _) = await RunAsync("members");

        Assert.Equal(0, code);
        Assert.Contains("zhao-ming", output, StringComparison.Ordinal);
        Assert.Contains("not linked", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MembersDuringLinkLockout_ShowsLockedUntil()
    {
        await RunAsync("import", RosterTestData.DemoPath);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "cli.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await Dapper.SqlMapper.ExecuteAsync(connection, "INSERT INTO LinkLockouts (StartedAtMs, UntilMs, Failures, Refused) VALUES (0, 4102444800000, 20, 7);");
        }

        (int code, string output, _) = await RunAsync("members");

        Assert.Equal(0, code);
        Assert.Contains("Link codes: LOCKED until 2100-01-01 00:00 UTC (20 failed attempts; refused since: 7)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Backup_WritesCopyAndRefusesToOverwrite()
    {
        string copy = Path.Combine(_dir, "copy.db");

        (int first, _, _) = await RunAsync("backup", copy);
        (int second, _, string error) = await RunAsync("backup", copy);

        Assert.Equal(0, first);
        Assert.True(new FileInfo(copy).Length > 0);
        Assert.Equal(1, second);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        // A fresh provider per run, like separate invocations of the executable on one database file.
        await using var services = new CliServices(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_dir, "cli.db")};Pooling=False",
        });
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await AdminCli.RunAsync(args, services, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
