using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;

namespace TaskForce.IntegrationTests.Conversations;

/// <summary>Replies that must not say what did not happen: "nothing saved" after a save, a command word as the note, a stale button.</summary>
public sealed class TruthfulRepliesTests
{
    [Fact]
    public async Task CancelAtTheEscalationOffer_AfterTheReportWasSaved_DoesNotClaimNothingWasSaved()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("海洋牧场 完成70% 卡在用地审批");
        IReadOnlyList<Reply> saved = await chat.SendAsync("确认");

        IReadOnlyList<Reply> cancelled = await chat.SendAsync("取消");

        Assert.Contains(saved, r => r.Text.StartsWith(Prefix("report-progress", "saved"), StringComparison.Ordinal));
        Assert.Equal(Text("report-progress", "not-escalated"), cancelled[^1].Text);
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM Reports;"));
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Blockers;"));
    }

    [Fact]
    public async Task GuidedReport_TheCommandWordIsNotStoredAsTheNote()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);

        await chat.SendAsync("汇报");
        await chat.SendAsync("1");
        await chat.SendAsync("70% 本周完成招标");
        await chat.SendAsync("确认");

        await using var connection = new SqliteConnection($"Data Source={host.App.DatabasePath};Pooling=False");
        string note = await connection.ExecuteScalarAsync<string>("SELECT Text FROM Reports;") ?? "";
        Assert.Equal("70% 本周完成招标", note);
    }

    [Fact]
    public async Task Amend_TheOldNoteGoesWithTheOldFigure()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("海洋牧场 完成70% 本周完成招标");
        await chat.SendAsync("确认");

        await chat.SendAsync("改一下 80% 招标已完成 进入施工");
        await chat.SendAsync("确认");

        await using var connection = new SqliteConnection($"Data Source={host.App.DatabasePath};Pooling=False");
        string note = await connection.ExecuteScalarAsync<string>("SELECT Text FROM Reports;") ?? "";
        Assert.Equal(80, await host.ScalarAsync("SELECT Percent FROM Reports;"));
        Assert.Equal("80% 招标已完成 进入施工", note);
    }

    [Theory]
    [InlineData("zh-CN", "上报问题", "审批还在等待，预计下周才有结果", "审批还在等待，预计下周才有结果")]
    [InlineData("en-US", "escalate", "the approval is still pending", "the approval is still pending")]
    public async Task GuidedEscalation_TheDescriptionIsStoredWhole(string locale, string start, string answer, string stored)
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad, locale);
        if (locale == "en-US")
        {
            await chat.SendAsync("English");
        }

        await chat.SendAsync(start);
        await chat.SendAsync("1");
        await chat.SendAsync(answer);

        await using var connection = new SqliteConnection($"Data Source={host.App.DatabasePath};Pooling=False");
        IReadOnlyList<Reply> confirm = await chat.SendAsync(locale == "en-US" ? "high" : "高");
        Assert.NotEmpty(confirm);
        await chat.SendAsync(locale == "en-US" ? "none" : "无");
        await chat.SendAsync(locale == "en-US" ? "confirm" : "确认");
        Assert.Equal(stored, await connection.ExecuteScalarAsync<string>("SELECT Text FROM Blockers;"));
    }

    [Theory]
    [InlineData("confirm")]
    [InlineData("cancel")]
    public async Task ButtonOfAStaleCard_SaysTheCardIsOutOfDate(string action)
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("帮助");

        IReadOnlyList<Reply> replies = await chat.SubmitAsync(action);

        Assert.Equal(action == "cancel" ? Text("common", "nothing-to-cancel") : Text("common", "card-stale"), replies[^1].Text);
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Reports;"));
    }
}
