using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;

namespace TaskForce.IntegrationTests.Conversations;

/// <summary>
/// Another process holds the database's write lock (a backup, an admin command) for longer than the bot waits:
/// the turn must answer with the busy reply, save nothing, and run normally when the same activity is sent again.
/// </summary>
public sealed class BusyDatabaseTests
{
    [Fact]
    public async Task Confirm_DatabaseLockedByAnotherConnection_AnswersBusyAndSavesNothing()
    {
        await using BusyHost busy = await BusyHost.StartAsync();
        ConversationDriver chat = busy.Host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("海洋牧场 完成70%");

        IReadOnlyList<Reply> replies;
        await using (await busy.LockAsync())
        {
            replies = await chat.SendAsync("确认");
        }

        Assert.Equal(Text("common", "busy-retry"), Assert.Single(replies).Text);
        Assert.Equal(0, await busy.Host.ScalarAsync("SELECT COUNT(*) FROM Reports;"));
        Assert.Equal(0, await busy.Host.ScalarAsync("SELECT COUNT(*) FROM Tasks WHERE LatestPercent IS NOT NULL;"));
    }

    [Fact]
    public async Task Confirm_SentAgainWithSameIdAfterLockReleased_SavesReportOnce()
    {
        await using BusyHost busy = await BusyHost.StartAsync();
        ConversationDriver chat = busy.Host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("海洋牧场 完成70%");
        await using (await busy.LockAsync())
        {
            await chat.SendAsync("确认", activityId: "confirm-1");
        }

        IReadOnlyList<Reply> saved = await chat.SendAsync("确认", activityId: "confirm-1");

        Assert.StartsWith(Prefix("report-progress", "saved"), saved[^1].Text, StringComparison.Ordinal);
        Assert.Equal(1, await busy.Host.ScalarAsync("SELECT COUNT(*) FROM Reports;"));
        Assert.Equal(70, await busy.Host.ScalarAsync("SELECT LatestPercent FROM Tasks WHERE Key = 'T1';"));
    }

    [Fact]
    public async Task Message_DatabaseLockedEnglishClient_AnswersBusyInEnglish()
    {
        await using BusyHost busy = await BusyHost.StartAsync();
        ConversationDriver chat = busy.Host.Chat("29:smith", EnglishStaffAad, "en-US");

        IReadOnlyList<Reply> replies;
        await using (await busy.LockAsync())
        {
            replies = await chat.SendAsync("help");
        }

        Assert.Equal(Text("common", "busy-retry", "en-US"), Assert.Single(replies).Text);
    }

    /// <summary>The bot with a short wait for the write lock, so a held lock fails the turn in about a second.</summary>
    private sealed class BusyHost(ConversationHost host, string databasePath) : IAsyncDisposable
    {
        public ConversationHost Host => host;

        public static async Task<BusyHost> StartAsync()
        {
            string path = Path.Combine(Path.GetTempPath(), $"tf-it-busy-{Guid.NewGuid():N}.db");
            var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                // busy_timeout, and Microsoft.Data.Sqlite's own retry of a busy statement (Default Timeout, seconds).
                ["Storage:ConnectionString"] = $"Data Source={path};Pooling=False;Default Timeout=1",
                ["Storage:BusyTimeout"] = "00:00:00.200",
            };
            return new BusyHost(await ConversationHost.StartAsync(Yaml, path, extraSettings: settings), path);
        }

        /// <summary>A second connection holding <c>BEGIN EXCLUSIVE</c> until disposed, as another process would.</summary>
        public async Task<SqliteConnection> LockAsync()
        {
            var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
            await connection.OpenAsync();
            await connection.ExecuteAsync("BEGIN EXCLUSIVE;");
            return connection;
        }

        public async ValueTask DisposeAsync()
        {
            await host.DisposeAsync();
            foreach (string suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(databasePath + suffix);
            }
        }
    }
}
