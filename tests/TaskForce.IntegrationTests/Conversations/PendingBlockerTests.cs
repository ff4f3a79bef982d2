using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;

namespace TaskForce.IntegrationTests.Conversations;

/// <summary>
/// What waits for a leader: a question lists blockers with a button per action and never acts; a bare command
/// acts only on the one blocker that fits and names it, and otherwise offers the choice.
/// </summary>
public sealed class PendingBlockerTests
{
    private const string Ranch = "海洋牧场示范区建设";
    private const string Harbor = "港口航道疏浚工程";

    [Fact]
    public async Task Close_CommanderAfterEscalationResolutionAndConfirmation_ClosesThatBlockerAndNamesIt()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);
        long ranch = await RaiseAsync(host, staff, "海洋牧场 卡在用地审批 上报问题");
        long harbor = await RaiseAsync(host, staff, "航道疏浚 卡在环评批复 上报问题");
        await EscalateToCommanderAsync(host);
        ConversationDriver commander = host.Chat("29:sun", CommanderAad);

        IReadOnlyList<Reply> toAcknowledge = await commander.SendAsync("待我处理的问题");
        await commander.SubmitAsync("ack", ranch);
        await commander.SubmitAsync("resolve", ranch);
        await commander.SendAsync("用地指标已协调下达");
        await staff.SubmitAsync("confirm-resolved", ranch);
        IReadOnlyList<Reply> toClose = await commander.SendAsync("待我处理的问题");
        IReadOnlyList<Reply> closed = await commander.SendAsync("销号");

        Assert.Contains("ack:" + ranch, toAcknowledge[^1].CardActions);
        Assert.Contains("ack:" + harbor, toAcknowledge[^1].CardActions);
        Assert.Contains(Text("escalate-blocker", "level-1"), toAcknowledge[^1].Text, StringComparison.Ordinal);
        Assert.Contains("close:" + ranch, toClose[^1].CardActions);
        Assert.DoesNotContain("close:" + harbor, toClose[^1].CardActions);
        Assert.Equal(Text("blockers", "closed", args: [("task", Ranch), ("text", "卡在用地审批")]), closed[^1].Text);
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM Blockers WHERE Id = @Id AND State = 'closed';", new { Id = ranch }));
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM Blockers WHERE Id = @Id AND State = 'open';", new { Id = harbor }));
    }

    [Fact]
    public async Task Close_ResolvedButNotConfirmed_ShownAsWaitingForTheReporterAndNotOffered()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);
        long ranch = await RaiseAsync(host, staff, "海洋牧场 卡在用地审批 上报问题");
        ConversationDriver lead = host.Chat("29:li", LeadAad);
        await lead.SubmitAsync("resolve", ranch);
        await lead.SendAsync("用地指标已协调下达");

        IReadOnlyList<Reply> replies = await lead.SendAsync("销号");

        Assert.StartsWith(Text("blockers", "none-to-close"), replies[^1].Text, StringComparison.Ordinal);
        Assert.Contains(Text("blockers", "pending-group-awaiting", args: [("count", 1)]), replies[^1].Text, StringComparison.Ordinal);
        Assert.Empty(replies[^1].CardActions);
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM Blockers WHERE State = 'resolved';"));
    }

    [Fact]
    public async Task PendingQuestion_TeamLeadAsksWhatToAcknowledge_ListsAndAcknowledgesNothing()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);
        long ranch = await RaiseAsync(host, staff, "海洋牧场 卡在用地审批 上报问题");
        ConversationDriver lead = host.Chat("29:li", LeadAad);

        IReadOnlyList<Reply> replies = await lead.SendAsync("待签收的问题");

        Reply list = replies[^1];
        Assert.Contains(Ranch, list.Text, StringComparison.Ordinal);
        Assert.Contains(Text("blockers", "pending-group-ack", args: [("count", 1)]), list.Text, StringComparison.Ordinal);
        Assert.Equal(["ack:" + ranch], list.CardActions);
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM BlockerEvents WHERE Kind = 'acknowledged';"));
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Outbox WHERE Kind = 'blocker-update';"));
    }

    [Fact]
    public async Task Acknowledge_BareCommandWithTwoBlockersPastTheCommander_OffersTheChoiceAndActsOnNone()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);
        long ranch = await RaiseAsync(host, staff, "海洋牧场 卡在用地审批 上报问题");
        long harbor = await RaiseAsync(host, staff, "航道疏浚 卡在环评批复 上报问题");
        await EscalateToTopAsync(host);
        ConversationDriver commander = host.Chat("29:sun", CommanderAad);

        IReadOnlyList<Reply> replies = await commander.SendAsync("签收");

        Assert.StartsWith(Text("blockers", "choose"), replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal(["ack:" + ranch, "ack:" + harbor], replies[^1].CardActions);
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM BlockerEvents WHERE Kind = 'acknowledged';"));
    }

    [Fact]
    public async Task Acknowledge_BareCommandWithOneBlockerPastTheCommander_AcknowledgesItAndNamesIt()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);
        long ranch = await RaiseAsync(host, staff, "海洋牧场 卡在用地审批 上报问题");
        await EscalateToTopAsync(host);
        ConversationDriver commander = host.Chat("29:sun", CommanderAad);

        IReadOnlyList<Reply> replies = await commander.SendAsync("签收");

        Assert.Equal(Text("blockers", "acknowledged", args: [("task", Ranch), ("text", "卡在用地审批")]), replies[^1].Text);
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM BlockerEvents WHERE Kind = 'acknowledged' AND BlockerId = @Id;", new { Id = ranch }));
    }

    [Fact]
    public async Task Resolve_BareCommandWithOneCandidate_NamesItBeforeAskingForTheNote()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);
        await RaiseAsync(host, staff, "航道疏浚 卡在环评批复 上报问题");
        ConversationDriver lead = host.Chat("29:li", LeadAad);

        IReadOnlyList<Reply> replies = await lead.SendAsync("已解决");

        Assert.Equal(Text("blockers", "picked", args: [("task", Harbor), ("text", "卡在环评批复")]), replies[^2].Text);
        Assert.Equal(Text("blockers", "ask-resolution", args: [("task", Harbor)]), replies[^1].Text);
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Blockers WHERE State = 'resolved';"));
    }

    private static async Task<long> RaiseAsync(ConversationHost host, ConversationDriver staff, string text)
    {
        await staff.SendAsync(text);
        await staff.SendAsync("高");
        await staff.SendAsync("无");
        await staff.SendAsync("确认");
        return await host.ScalarAsync("SELECT MAX(Id) FROM Blockers;");
    }

    /// <summary>What the SLA check does when the team leader's time runs out: level 1, the commander owns it.</summary>
    private static Task<long> EscalateToCommanderAsync(ConversationHost host) => host.ScalarAsync(
        "UPDATE Blockers SET Level = 1, OwnerMemberId = (SELECT Id FROM Members WHERE Key = 'sun') RETURNING 0;");

    /// <summary>Past the commander to the lead city leader (顶格协调); the roster names none, so nobody owns it.</summary>
    private static Task<long> EscalateToTopAsync(ConversationHost host) =>
        host.ScalarAsync("UPDATE Blockers SET Level = 2, OwnerMemberId = NULL RETURNING 0;");
}
