using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Core.Members;
using TaskForce.Core.Outbox;
using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;

namespace TaskForce.IntegrationTests.Conversations;

public sealed class ConversationFlowTests
{
    private static readonly JsonSerializerOptions s_readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task Escalate_GuidedFlow_RoutesCardToTeamLeadThroughConnector()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver lead = host.Chat("29:li", LeadAad);
        await lead.SendAsync("帮助"); // the lead has talked to the bot, so there is a conversation to write to
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);

        await staff.SendAsync("上报问题");
        await staff.SendAsync("1");
        await staff.SendAsync("卡在用地审批");
        await staff.SendAsync("紧急");
        await staff.SendAsync("无");
        IReadOnlyList<Reply> raised = await staff.SendAsync("确认");
        await host.App.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        Assert.True(raised[^1].Text.StartsWith(Prefix("escalate-blocker", "raised"), StringComparison.Ordinal), string.Join(" | ", raised.Select(r => r.Text)));
        Assert.Contains("李强", raised[^1].Text, StringComparison.Ordinal);
        ConnectorCall sent = Assert.Single(host.Connector.Calls, c => c.Path.Contains("29%3Ali", StringComparison.Ordinal) || c.Path.Contains("a%3A29%3Ali", StringComparison.Ordinal));
        Assert.Contains(Text("blockers", "action-ack"), Decoded(sent.Body), StringComparison.Ordinal);
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM Blockers WHERE Severity = 'critical';"));
    }

    [Fact]
    public async Task Acknowledge_CardSubmittedTwice_AcknowledgesOnce()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);
        await staff.SendAsync("海洋牧场 卡在用地审批 上报问题");
        await staff.SendAsync("高");
        await staff.SendAsync("无");
        await staff.SendAsync("确认");
        long blockerId = await host.ScalarAsync("SELECT Id FROM Blockers;");
        ConversationDriver lead = host.Chat("29:li", LeadAad);

        IReadOnlyList<Reply> first = await lead.SubmitAsync("ack", blockerId);
        IReadOnlyList<Reply> second = await lead.SubmitAsync("ack", blockerId);

        Assert.StartsWith(Prefix("blockers", "acknowledged"), first[^1].Text, StringComparison.Ordinal);
        Assert.Equal(Text("blockers", "already-acknowledged"), second[^1].Text);
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM BlockerEvents WHERE Kind = 'acknowledged';"));
    }

    [Fact]
    public async Task StatusQuestion_StaffAsksOtherCampaign_Refused()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);

        IReadOnlyList<Reply> replies = await staff.SendAsync("时尚城攻势进展如何");

        Assert.Equal(Text("common", "not-allowed-scope"), replies[^1].Text);
    }

    [Fact]
    public async Task StatusQuestion_Commander_GetsCampaignSummaryCard()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver commander = host.Chat("29:sun", CommanderAad);

        IReadOnlyList<Reply> replies = await commander.SendAsync("海洋攻势进展如何");

        Reply summary = Assert.Single(replies, r => r.HasCard);
        Assert.StartsWith(Text("queries", "summary-title", args: [("scope", "经略海洋攻势")]), summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("首店引进", summary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownUser_AnyMessage_GetsOnlyTheLinkPrompt()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver stranger = host.Chat("29:stranger");

        IReadOnlyList<Reply> replies = await stranger.SendAsync("海洋攻势进展如何");

        Reply only = Assert.Single(replies);
        Assert.Equal(Text("link", "prompt"), only.Text);
    }

    [Fact]
    public async Task TeamsUser_EmailOnRoster_LinkedThroughMembersApi()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        host.Connector.Enqueue(new ConnectorAnswer(
            System.Net.HttpStatusCode.OK, """{"id":"29:zhao-teams","name":"Zhao Ming","email":"Zhao.Ming@example.org","userPrincipalName":"zhao.ming@example.org"}"""));
        ConversationDriver chat = host.Chat("29:zhao-teams");

        IReadOnlyList<Reply> replies = await chat.SendAsync("帮助");

        Assert.Equal(Text("link", "auto-linked", args: [("name", "赵明")]), replies[0].Text);
        ConnectorCall lookup = Assert.Single(host.Connector.Calls);
        Assert.Equal("GET", lookup.Method);
        Assert.EndsWith("/members/29%3Azhao-teams", lookup.Path, StringComparison.Ordinal);
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM MemberAccounts WHERE UserId = '29:zhao-teams';"));
    }

    [Fact]
    public async Task LinkCode_WrongExpiredReused_EachRefusedClearly()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        LinkCodeService codes = host.App.Services.GetRequiredService<LinkCodeService>();
        long zhao = await host.ScalarAsync("SELECT Id FROM Members WHERE Key = 'zhao';");
        (string code, _) = await codes.IssueAsync(zhao, "test", CancellationToken.None);
        (string stale, _) = await codes.IssueAsync(zhao, "test", CancellationToken.None);
        ConversationDriver user = host.Chat("29:zhao-phone");
        ConversationDriver other = host.Chat("29:somebody");

        IReadOnlyList<Reply> wrong = await user.SendAsync("绑定 00000000");
        IReadOnlyList<Reply> linked = await user.SendAsync("绑定 " + code);
        IReadOnlyList<Reply> reused = await other.SendAsync("绑定 " + code);
        host.Time.Advance(TimeSpan.FromHours(25));
        IReadOnlyList<Reply> expired = await other.SendAsync("绑定 " + stale);

        Assert.Equal(Text("link", "invalid"), wrong[^1].Text);
        Assert.Equal(Text("link", "linked", args: [("name", "赵明")]), linked[^1].Text);
        Assert.Equal(Text("link", "used"), reused[^1].Text);
        Assert.Equal(Text("link", "expired"), expired[^1].Text);
    }

    [Fact]
    public async Task Interruption_HelpAndQuestionMidDialog_ResumesWhereItWas()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("汇报");

        IReadOnlyList<Reply> help = await chat.SendAsync("帮助");
        IReadOnlyList<Reply> question = await chat.SendAsync("本月到期的任务");
        IReadOnlyList<Reply> resumed = await chat.SendAsync("1");

        Assert.Equal(Text("help", "staff"), help[0].Text);
        Assert.StartsWith(Prefix("report-progress", "choose-task"), help[^1].Text, StringComparison.Ordinal);
        Assert.Equal(Text("common", "resume"), question[^2].Text);
        Assert.StartsWith(Prefix("report-progress", "choose-task"), question[^1].Text, StringComparison.Ordinal);
        Assert.Equal(Text("report-progress", "ask-progress", args: [("task", "海洋牧场示范区建设")]), resumed[^1].Text);
    }

    [Fact]
    public async Task GuidedReportAndAmend_AnswerThatIsOnlyAFigure_IsThePercentNotTheNote()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("汇报");
        await chat.SendAsync("1");
        await chat.SendAsync("60%");
        await chat.SendAsync("确认");
        await chat.SendAsync("改一下 55%");
        await chat.SendAsync("确认");

        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Reports WHERE Text <> '';"));
        Assert.True(await host.ScalarAsync("SELECT COUNT(*) FROM Reports;") >= 1);
        Assert.Equal(55, await host.ScalarAsync("SELECT LatestPercent FROM Tasks WHERE Key = 'T1';"));
    }

    [Fact]
    public async Task Report_VagueAmount_AsksForTheNumberWithButtonsAndSavesTheOneTapped()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);

        IReadOnlyList<Reply> asked = await chat.SendAsync("海洋牧场 做了一大半");
        IReadOnlyList<Reply> card = await chat.SendAsync(asked[^1].Buttons[1]);
        await chat.SendAsync("确认");

        Assert.Equal(Text("report-progress", "ask-progress-vague", args: [("task", "海洋牧场示范区建设")]), asked[^1].Text);
        Assert.Equal(["60%", "70%", "80%"], asked[^1].Buttons);
        Assert.Contains(card, r => r.HasCard);
        Assert.Equal(70, await host.ScalarAsync("SELECT LatestPercent FROM Tasks WHERE Key = 'T1';"));
    }

    [Fact]
    public async Task ThreeUnusableAnswers_ExplainsAndEndsTheDialog()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("汇报");

        await chat.SendAsync("嗯");
        await chat.SendAsync("嗯嗯");
        IReadOnlyList<Reply> third = await chat.SendAsync("啊");
        IReadOnlyList<Reply> after = await chat.SendAsync("取消");

        Assert.StartsWith(Prefix("common", "gave-up"), third[^1].Text, StringComparison.Ordinal);
        Assert.Equal(Text("common", "nothing-to-cancel"), after[^1].Text);
    }

    [Fact]
    public async Task Restart_MidDialog_NewHostContinues()
    {
        string path = Path.Combine(Path.GetTempPath(), $"tf-restart-{Guid.NewGuid():N}.db");
        try
        {
            await using (ConversationHost first = await ConversationHost.StartAsync(Yaml, path))
            {
                await first.Chat("29:zhang", StaffAad).SendAsync("汇报");
            }

            await using ConversationHost second = await ConversationHost.StartAsync(databasePath: path);
            IReadOnlyList<Reply> replies = await second.Chat("29:zhang", StaffAad).SendAsync("2");

            Assert.Equal(Text("report-progress", "ask-progress", args: [("task", "港口航道疏浚工程")]), replies[^1].Text);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (string suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    [Fact]
    public async Task TwoMessagesAtOnce_SameConversation_ProcessedOneAfterTheOther()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);

        await Task.WhenAll(chat.SendAsync("汇报"), chat.SendAsync("帮助"));

        Assert.Equal(2, await host.ScalarAsync("SELECT Version FROM ConversationStates;"));
        Assert.Equal(2, await host.ScalarAsync("SELECT COUNT(*) FROM ProcessedActivities;"));
    }

    [Fact]
    public async Task Replay_SameActivityTwice_ReportSavedOnce()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("海洋牧场 70%");

        IReadOnlyList<Reply> first = await chat.SendAsync("确认", activityId: "confirm-1");
        IReadOnlyList<Reply> replay = await chat.SendAsync("确认", activityId: "confirm-1");

        Assert.NotEmpty(first);
        Assert.Empty(replay);
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM Reports;"));
    }

    /// <summary>The body with JSON escapes of non-ASCII text undone, to search it for Chinese words.</summary>
    private static string Decoded(string body) => JsonSerializer.Serialize(JsonDocument.Parse(body).RootElement, s_readable);
}
