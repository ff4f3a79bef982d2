using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;

namespace TaskForce.IntegrationTests.Conversations;

public sealed class ReportProgressTests
{
    [Fact]
    public async Task OneMessage_Chinese_ConfirmsThenSavesDurably()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);

        IReadOnlyList<Reply> confirm = await chat.SendAsync("海洋牧场 完成70% 本周完成招标");
        IReadOnlyList<Reply> saved = await chat.SendAsync("确认");

        Reply card = Assert.Single(confirm, r => r.HasCard);
        Assert.Contains("70%", card.Text, StringComparison.Ordinal);
        Assert.Contains("海洋牧场示范区建设", card.Text, StringComparison.Ordinal);
        Assert.StartsWith(Prefix("report-progress", "saved"), saved[^1].Text, StringComparison.Ordinal);
        Assert.Equal(70, await host.ScalarAsync("SELECT LatestPercent FROM Tasks WHERE Key = 'T1';"));
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM Reports;"));
    }

    [Fact]
    public async Task Guided_English_AsksOnlyForWhatIsMissing()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad, "en-US");

        IReadOnlyList<Reply> switched = await chat.SendAsync("English");
        IReadOnlyList<Reply> choose = await chat.SendAsync("report");
        IReadOnlyList<Reply> askProgress = await chat.SendAsync("2");
        IReadOnlyList<Reply> confirm = await chat.SendAsync("40%");
        IReadOnlyList<Reply> saved = await chat.SendAsync("confirm");

        Assert.Equal(Text("common", "language-switched", "en-US"), switched[^1].Text);
        Assert.StartsWith(Prefix("report-progress", "choose-task", "en-US"), choose[^1].Text, StringComparison.Ordinal);
        Assert.Equal(2, choose[^1].Buttons.Count);
        Assert.Equal(Text("report-progress", "ask-progress", "en-US", ("task", "Harbor dredging")), askProgress[^1].Text);
        Assert.Contains("40%", confirm[^1].Text, StringComparison.Ordinal);
        Assert.StartsWith(Prefix("report-progress", "saved", "en-US"), saved[^1].Text, StringComparison.Ordinal);
        Assert.Equal(40, await host.ScalarAsync("SELECT LatestPercent FROM Tasks WHERE Key = 'T2';"));
    }

    [Fact]
    public async Task Amend_AfterReport_ReplacesLastReport()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("海洋牧场 70%");
        await chat.SendAsync("确认");

        IReadOnlyList<Reply> confirm = await chat.SendAsync("改一下 80%");
        IReadOnlyList<Reply> amended = await chat.SendAsync("确认");

        Assert.Contains("80%", confirm[^1].Text, StringComparison.Ordinal);
        Assert.StartsWith(Prefix("report-progress", "amended"), amended[^1].Text, StringComparison.Ordinal);
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM Reports;"));
        Assert.Equal(80, await host.ScalarAsync("SELECT Percent FROM Reports;"));
    }

    [Fact]
    public async Task Report_SomeoneElsesTask_RefusedWithReason()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);

        IReadOnlyList<Reply> replies = await chat.SendAsync("远洋渔业基地 完成50%");

        Assert.Equal(Text("report-progress", "not-allowed", args: [("task", "远洋渔业基地扩建"), ("owner", "王芳")]), replies[^1].Text);
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Reports;"));
    }

    [Fact]
    public async Task Cancel_AtConfirmation_SavesNothing()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("海洋牧场 70%");

        IReadOnlyList<Reply> replies = await chat.SendAsync("取消");

        Assert.Equal(Text("common", "cancelled"), replies[^1].Text);
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Reports;"));
    }

    [Fact]
    public async Task Blocker_InReport_OffersEscalationAfterSaving()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("海洋牧场 完成70%，卡在用地审批");

        IReadOnlyList<Reply> saved = await chat.SendAsync("确认");

        Assert.StartsWith(Prefix("report-progress", "offer-escalate"), saved[^1].Text, StringComparison.Ordinal);
    }
}
