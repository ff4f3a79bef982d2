using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;

namespace TaskForce.IntegrationTests.Conversations;

/// <summary>
/// What a member outside a task's or blocker's scope learns about it (nothing: one neutral answer), and inputs that
/// once threw inside a turn (a card naming a foreign task, noncharacters, year zero) answered clearly with no dialog stuck.
/// </summary>
public sealed class ScopeAndOddInputTests
{
    [Fact]
    public async Task BlockerCard_FromOutsideItsCampaign_SameAnswerAsAnUnknownId()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);
        await staff.SendAsync("海洋牧场 卡在用地审批 上报问题");
        await staff.SendAsync("高");
        await staff.SendAsync("无");
        await staff.SendAsync("确认");
        long blockerId = await host.ScalarAsync("SELECT Id FROM Blockers;");
        ConversationDriver outsider = host.Chat("29:lee", EnglishCommanderAad, "en-US");
        IReadOnlyList<Reply> probe = await outsider.SubmitAsync("resolve", 987654);
        string unknown = probe[^1].Text;
        Assert.True(unknown == Text("blockers", "not-found", "en-US"), string.Join(" | ", probe.Select(r => r.Text)));

        foreach (string action in new[] { "resolve", "ack", "close", "confirm-resolved", "consult", "consult-reply" })
        {
            IReadOnlyList<Reply> replies = await outsider.SubmitAsync(action, blockerId);

            Assert.Equal(unknown, replies[^1].Text);
            Assert.Equal(Text("blockers", "not-found", "en-US"), replies[^1].Text);
            Assert.All(replies, r => Assert.DoesNotContain("Marine ranch", r.Text, StringComparison.Ordinal));
            Assert.All(replies, r => Assert.DoesNotContain("用地审批", r.Text, StringComparison.Ordinal));
        }

        IReadOnlyList<Reply> after = await outsider.SendAsync("help");
        Assert.DoesNotContain(after, r => r.Text.StartsWith(Prefix("help", "in-dialog", "en-US"), StringComparison.Ordinal));
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM Blockers WHERE State = 'open';"));
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM BlockerEvents WHERE Kind NOT IN ('raised', 'copied');"));
    }

    [Fact]
    public async Task ResolveCard_InsideTheCampaignButNotTheOwner_RefusedBeforeAskingForANote()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);
        await staff.SendAsync("海洋牧场 卡在用地审批 上报问题");
        await staff.SendAsync("高");
        await staff.SendAsync("无");
        await staff.SendAsync("确认");
        long blockerId = await host.ScalarAsync("SELECT Id FROM Blockers;");

        IReadOnlyList<Reply> reporter = await staff.SubmitAsync("resolve", blockerId);

        Assert.Equal(Text("blockers", "not-allowed"), reporter[^1].Text);
        Assert.DoesNotContain(reporter, r => r.Text.Contains(Prefix("blockers", "ask-resolution"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportOnTaskOfAnotherCampaign_NeutralAnswer_NoTitleOrOwner()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);

        IReadOnlyList<Reply> replies = await chat.SendAsync("首店引进 完成50%");

        Assert.Equal(Text("common", "not-found-or-not-yours"), replies[^1].Text);
        Assert.All(replies, r => Assert.DoesNotContain("赵明", r.Text, StringComparison.Ordinal));
        Assert.All(replies, r => Assert.DoesNotContain("首店引进二十家", r.Text, StringComparison.Ordinal));
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Reports;"));
    }

    [Theory]
    [InlineData("{\"action\":\"report\",\"id\":ID}", "")]
    [InlineData("", "report:ID")]
    public async Task CardNamingAForeignTask_ThenAPercent_NeutralAnswerAndNoDialogLeft(string value, string text)
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        long foreign = await host.ScalarAsync("SELECT Id FROM Tasks WHERE Key = 'T4';");

        string id = foreign.ToString(System.Globalization.CultureInfo.InvariantCulture);
        IReadOnlyList<Reply> card = await chat.SendAsync(
            text.Replace("ID", id, StringComparison.Ordinal),
            value.Length == 0 ? null : System.Text.Json.Nodes.JsonNode.Parse(value.Replace("ID", id, StringComparison.Ordinal))!.AsObject());
        IReadOnlyList<Reply> percent = await chat.SendAsync("60%");

        Assert.Equal(Text("common", "not-found-or-not-yours"), card[^1].Text);
        // The percent starts a fresh report about the member's own tasks: nothing of the refused one is left.
        Assert.StartsWith(Prefix("report-progress", "choose-task"), percent[^1].Text, StringComparison.Ordinal);
        Assert.All(card.Concat(percent), r => Assert.NotEqual(Text("common", "error-retry"), r.Text));
        Assert.All(card, r => Assert.DoesNotContain("首店", r.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(percent, r => r.Text.Contains("首店引进二十家", StringComparison.Ordinal));
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Reports WHERE TaskId = " + foreign + ";"));
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Blockers;"));
    }

    public static TheoryData<string> OddTexts() => new()
    {
        "\uFFFE",
        "\uFFFF",
        "海洋牧场\uFFFF 完成70%",
        "\uFFFE\uFFFF\uFFFE",
        "0000年1月1日",
        "0000年1月1日前到期的任务",
        "海洋牧场 0000年1月1日完成",
        "9999年12月31日前到期",
        "10000年1月1日",
        "2026年13月45日",
        "2月30日截止",
        "0月0日",
        "due 0001-01-01",
        "due by 0000-00-00",
        "deadline 99999-01-01",
        "下周一前",
        "\u202E完成70%",
        "海洋牧场 \u0301\u0301\u0301 70%",
        "６０％",
        "1e309%",
        "完成 99999999999999999999%",
        "第99999999999999999999项",
    };

    [Theory]
    [MemberData(nameof(OddTexts))]
    public async Task OddText_ClearAnswer_NoErrorAndNoDialogStuck(string text)
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);

        IReadOnlyList<Reply> replies = await chat.SendAsync(text);
        IReadOnlyList<Reply> cancel = await chat.SendAsync("取消");
        IReadOnlyList<Reply> help = await chat.SendAsync("帮助");

        Assert.NotEmpty(replies);
        Assert.All(replies.Concat(cancel).Concat(help), r => Assert.NotEqual(Text("common", "error-retry"), r.Text));
        Assert.All(replies, r => Assert.False(string.IsNullOrWhiteSpace(r.Text), "every reply says something"));
        Assert.DoesNotContain(help, r => r.Text.StartsWith(Prefix("help", "in-dialog"), StringComparison.Ordinal));
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Reports;"));
    }
}
