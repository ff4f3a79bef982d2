using TaskForce.Dialogs.Texts;
using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;

namespace TaskForce.IntegrationTests.Conversations;

/// <summary>The same flows for members whose roster language is English.</summary>
public sealed class EnglishFlowTests
{
    private const string En = Locales.English;

    [Fact]
    public async Task OneMessageReport_English_ConfirmsThenSaves()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:smith", EnglishStaffAad, En);

        IReadOnlyList<Reply> confirm = await chat.SendAsync("lighthouse 60%, tender done this week");
        IReadOnlyList<Reply> saved = await chat.SendAsync("confirm");

        Assert.Contains(confirm, r => r.HasCard && r.Text.StartsWith(Text("report-progress", "confirm-title", En), StringComparison.Ordinal));
        Assert.StartsWith(Prefix("report-progress", "saved", En), saved[^1].Text, StringComparison.Ordinal);
        Assert.Equal(60, await host.ScalarAsync("SELECT LatestPercent FROM Tasks WHERE Key = 'T5';"));
    }

    [Fact]
    public async Task Amend_English_ReplacesLastReport()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:smith", EnglishStaffAad, En);
        await chat.SendAsync("lighthouse 60%");
        await chat.SendAsync("confirm");

        await chat.SendAsync("amend 70%");
        IReadOnlyList<Reply> amended = await chat.SendAsync("confirm");

        Assert.StartsWith(Prefix("report-progress", "amended", En), amended[^1].Text, StringComparison.Ordinal);
        Assert.Equal(70, await host.ScalarAsync("SELECT Percent FROM Reports;"));
    }

    [Fact]
    public async Task Escalate_English_RaisedToTeamLead()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:smith", EnglishStaffAad, En);

        await chat.SendAsync("escalate");
        await chat.SendAsync("waiting for the sea-use permit");
        await chat.SendAsync("high");
        await chat.SendAsync("none");
        IReadOnlyList<Reply> raised = await chat.SendAsync("confirm");

        Assert.StartsWith(Prefix("escalate-blocker", "raised", En), raised[^1].Text, StringComparison.Ordinal);
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM Blockers WHERE Severity = 'high';"));
    }

    [Fact]
    public async Task StatusQuestion_EnglishCommander_SeesOwnCampaignOnly()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:lee", EnglishCommanderAad, En);

        IReadOnlyList<Reply> own = await chat.SendAsync("how is the fashion city offensive doing?");
        IReadOnlyList<Reply> other = await chat.SendAsync("how is the ocean offensive doing?");

        Assert.StartsWith(Text("queries", "summary-title", En, ("scope", "Fashion City Offensive")), own[^1].Text, StringComparison.Ordinal);
        Assert.Equal(Text("common", "not-allowed-scope", En), other[^1].Text);
    }

    [Fact]
    public async Task HelpAndCancel_English_AnswerInEnglish()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:smith", EnglishStaffAad, En);

        IReadOnlyList<Reply> help = await chat.SendAsync("help");
        await chat.SendAsync("report");
        IReadOnlyList<Reply> cancelled = await chat.SendAsync("cancel");

        Assert.Contains(help, r => r.Text == Text("help", "staff", En));
        Assert.Equal(Text("common", "cancelled", En), cancelled[^1].Text);
    }

    [Fact]
    public async Task RosterWithoutLanguage_EnglishClient_AnswersInEnglish()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad, En);

        IReadOnlyList<Reply> replies = await chat.SendAsync("help");

        Assert.Contains(replies, r => r.Text == Text("help", "staff", En));
    }
}
