using Microsoft.Extensions.DependencyInjection;
using TaskForce.Core.Members;
using TaskForce.Core.Outbox;
using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;

namespace TaskForce.IntegrationTests.Conversations;

/// <summary>
/// Notices to a leader who never opened the bot: in Teams the bot starts the 1:1 chat itself; when it cannot, the notice
/// waits for the leader's first message, the reporter is told so, and the next level is copied at once.
/// </summary>
public sealed class FirstContactTests
{
    private static async Task RaiseBlockerAsync(ConversationDriver staff)
    {
        await staff.SendAsync("海洋牧场 卡在用地审批 上报问题");
        await staff.SendAsync("高");
        await staff.SendAsync("无");
    }

    private static readonly System.Text.Json.JsonSerializerOptions s_readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Decoded(string body) =>
        body.Length == 0 ? body : System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(body).RootElement, s_readable);

    /// <summary>Teams refuses to start chats (the app is not installed for those users).</summary>
    private static void RefuseNewChats(ConversationHost host) =>
        host.Connector.Responder = call => call.Method == "POST" && call.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)
            ? ConnectorAnswer.Roster()
            : null;

    private static Task<long> MemberAsync(ConversationHost host, string key) =>
        host.ScalarAsync("SELECT Id FROM Members WHERE Key = @key;", new { key });

    [Fact]
    public async Task LeaderNeverOpenedTheBot_NoticeWaitsIsCopiedUpAndArrivesOnFirstMessage()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        RefuseNewChats(host);
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);
        OutboxDispatcher dispatcher = host.App.Services.GetRequiredService<OutboxDispatcher>();
        await RaiseBlockerAsync(staff);

        IReadOnlyList<Reply> raised = await staff.SendAsync("确认");
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(
            Text("escalate-blocker", "raised-awaiting-owner-copied", args: [("task", "海洋牧场示范区建设"), ("owner", "李强"), ("level", "攻坚队长"), ("copied", "孙远航")]),
            raised[^1].Text);
        long li = await MemberAsync(host, "li");
        long sun = await MemberAsync(host, "sun");
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM Outbox WHERE Kind = 'blocker-assigned' AND RecipientMemberId = @li AND State = 'waiting';", new { li }));
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM Outbox WHERE Kind = 'blocker-assigned' AND RecipientMemberId = @sun AND State = 'waiting';", new { sun }));
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Outbox WHERE State = 'failed';"));
        MemberListing listed = (await host.App.Services.GetRequiredService<MemberListStore>().ListAsync(CancellationToken.None)).Single(m => m.Key == "li");
        Assert.Equal("no, never opened the bot; 1 waiting", MemberTable.Reach(listed));

        await host.Chat("29:li", LeadAad).SendAsync("帮助");
        host.Time.Advance(TimeSpan.FromSeconds(2));
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM Outbox WHERE Kind = 'blocker-assigned' AND RecipientMemberId = @li AND State = 'sent';", new { li }));
        Assert.Contains(host.Connector.Accepted, c => c.ConversationId == "a:29:li" && Decoded(c.Body).Contains("用地审批", StringComparison.Ordinal));
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM Outbox WHERE RecipientMemberId = @sun AND State = 'waiting';", new { sun }));
    }

    [Fact]
    public async Task LeaderNeverOpenedTheBot_TheCopiedCommanderFindsItInHisListAndAcknowledgesIt()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        RefuseNewChats(host);
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);
        await RaiseBlockerAsync(staff);
        await staff.SendAsync("确认");
        ConversationDriver commander = host.Chat("29:sun", CommanderAad);

        IReadOnlyList<Reply> pending = await commander.SendAsync("待签收的问题");
        IReadOnlyList<Reply> acknowledged = await commander.SendAsync("签收");

        Reply list = Assert.Single(pending, r => r.HasCard);
        Assert.Contains(Text("blockers", "pending-group-ack", args: [("count", 1)]), list.Text, StringComparison.Ordinal);
        Assert.Contains("卡在用地审批", list.Text, StringComparison.Ordinal);
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM Blockers WHERE State = 'acknowledged' AND AcknowledgedByMemberId = @sun;", new { sun = await MemberAsync(host, "sun") }));
        Assert.DoesNotContain(acknowledged, r => r.Text == Text("blockers", "none-open"));
    }

    [Fact]
    public async Task LeaderNeverOpenedTheBot_AfterTheCopiedCommanderActed_TheWaitingRequestIsSkippedNotSentFalse()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        RefuseNewChats(host);
        OutboxDispatcher dispatcher = host.App.Services.GetRequiredService<OutboxDispatcher>();
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);
        await RaiseBlockerAsync(staff);
        await staff.SendAsync("确认");
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        long blockerId = await host.ScalarAsync("SELECT Id FROM Blockers;");
        await host.Chat("29:sun", CommanderAad).SubmitAsync("ack", blockerId);

        await host.Chat("29:li", LeadAad).SendAsync("帮助");
        host.Time.Advance(TimeSpan.FromSeconds(2));
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        long li = await MemberAsync(host, "li");
        Assert.Equal(1, await host.ScalarAsync(
            "SELECT COUNT(*) FROM Outbox WHERE Kind = 'blocker-assigned' AND RecipientMemberId = @li AND State = 'skipped' AND LastError LIKE 'superseded:%';", new { li }));
        Assert.DoesNotContain(host.Connector.Accepted, c => c.ConversationId == "a:29:li" && Decoded(c.Body).Contains(Text("blockers", "assigned-title"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task LeaderNeverOpenedTheBot_InTeamsTheBotStartsTheChatAndDelivers()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);
        OutboxDispatcher dispatcher = host.App.Services.GetRequiredService<OutboxDispatcher>();
        await RaiseBlockerAsync(staff);
        await staff.SendAsync("确认");

        await dispatcher.DispatchDueAsync(CancellationToken.None);

        ConnectorCall create = Assert.Single(host.Connector.Calls, c => c.Method == "POST" && c.Path.EndsWith("/v3/conversations", StringComparison.Ordinal) && c.Body.Contains(LeadAad, StringComparison.Ordinal));
        Assert.Contains(TestActivities.TenantId, create.Body, StringComparison.Ordinal);
        Assert.Contains("\"isGroup\":false", create.Body, StringComparison.Ordinal);
        long li = await MemberAsync(host, "li");
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM Outbox WHERE Kind = 'blocker-assigned' AND RecipientMemberId = @li AND State = 'sent';", new { li }));
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM ConversationReferences WHERE MemberId = @li AND ConversationType = 'personal';", new { li }));
        // The chat Teams created is where the notice goes (the commander, copied because it was not yet known whether
        // the chat could be started, gets his own).
        Assert.Equal(2, host.Connector.Accepted.Count(c => c.ConversationId is { } id && id.StartsWith("reply-", StringComparison.Ordinal) && Decoded(c.Body).Contains("用地审批", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task LeaderHasTalkedToTheBot_ReporterIsToldItWentToThem()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        await host.Chat("29:li", LeadAad).SendAsync("帮助");
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);
        await RaiseBlockerAsync(staff);

        IReadOnlyList<Reply> raised = await staff.SendAsync("确认");

        Assert.Equal(
            Text("escalate-blocker", "raised", args: [("task", "海洋牧场示范区建设"), ("owner", "李强"), ("level", "攻坚队长")]),
            raised[^1].Text);
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Outbox WHERE Kind = 'blocker-assigned' AND RecipientMemberId = @sun;", new { sun = await MemberAsync(host, "sun") }));
    }
}
