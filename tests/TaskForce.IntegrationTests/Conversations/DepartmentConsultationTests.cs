using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Core.Outbox;
using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;

namespace TaskForce.IntegrationTests.Conversations;

public sealed class DepartmentConsultationTests
{
    private static readonly JsonSerializerOptions s_readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task Escalate_TwoRosterDepartments_KeepsBoth()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);
        await staff.SendAsync("海洋牧场 卡在用地审批 上报问题");
        await staff.SendAsync("高");

        await staff.SendAsync("海洋局、商务");
        IReadOnlyList<Reply> raised = await staff.SendAsync("确认");

        Assert.StartsWith(Prefix("escalate-blocker", "raised"), raised[^1].Text, StringComparison.Ordinal);
        Assert.Equal(2, await host.ScalarAsync("SELECT COUNT(*) FROM BlockerDepartments;"));
    }

    [Fact]
    public async Task Escalate_DepartmentNotInRoster_SaysItBackAndKeepsAsking()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);
        await staff.SendAsync("海洋牧场 卡在用地审批 上报问题");
        await staff.SendAsync("高");

        IReadOnlyList<Reply> unknown = await staff.SendAsync("住建局、商务局");
        IReadOnlyList<Reply> confirm = await staff.SendAsync("商务局");
        await staff.SendAsync("确认");

        Assert.Equal(Text("escalate-blocker", "unknown-departments", args: [("names", "住建局"), ("choices", "市海洋发展局、市商务局")]), unknown[^1].Text);
        Assert.Contains(confirm, r => r.HasCard);
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM BlockerDepartments;"));
    }

    [Fact]
    public async Task Escalate_UnknownDepartmentInFirstMessage_AsksForDepartmentsAgain()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);

        await staff.SendAsync("海洋牧场 卡在用地审批 需住建局配合 上报问题");
        IReadOnlyList<Reply> asked = await staff.SendAsync("高");

        Assert.Equal(Text("escalate-blocker", "unknown-departments", args: [("names", "住建局"), ("choices", "市海洋发展局、市商务局")]), asked[^1].Text);
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Blockers;"));
    }

    [Fact]
    public async Task Consult_TwoDepartments_RecordsBothAndNotifiesTheirContacts()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver lead = host.Chat("29:li", LeadAad);
        await lead.SendAsync("帮助");
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);
        await staff.SendAsync("海洋牧场 卡在用地审批 上报问题");
        await staff.SendAsync("高");
        await staff.SendAsync("无");
        await staff.SendAsync("确认");
        long blockerId = await host.ScalarAsync("SELECT Id FROM Blockers;");
        OutboxDispatcher outbox = host.App.Services.GetRequiredService<OutboxDispatcher>();
        await outbox.DispatchDueAsync(CancellationToken.None); // the lead's card goes first
        ConversationDriver commander = host.Chat("29:sun", CommanderAad);
        await commander.SubmitAsync("consult", blockerId);

        IReadOnlyList<Reply> done = await commander.SendAsync("海洋局和商务局");
        host.Time.Advance(TimeSpan.FromMinutes(1)); // past the pause between two messages to one member
        await outbox.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(Text("blockers", "consultation-requested", args: [("department", "市海洋发展局、市商务局")]), done[^1].Text);
        Assert.Equal(2, await host.ScalarAsync("SELECT COUNT(*) FROM BlockerEvents WHERE Kind = 'consultation';"));
        Assert.Equal(1, await host.ScalarAsync(
            "SELECT COUNT(*) FROM Outbox o JOIN Members m ON m.Id = o.RecipientMemberId WHERE m.Key = 'li' AND o.Payload LIKE '%\"department\"%';"));
        Assert.Equal(1, await host.ScalarAsync(
            "SELECT COUNT(*) FROM Outbox o JOIN Members m ON m.Id = o.RecipientMemberId WHERE m.Key = 'zhao' AND o.Payload LIKE '%\"department\"%';"));
        string expected = Text("blockers", "update-consultation-department", args:
            [("by", "孙远航"), ("department", "市海洋发展局"), ("task", "海洋牧场示范区建设"), ("text", "卡在用地审批"), ("id", blockerId)]);
        string[] toLead = [.. host.Connector.Calls.Where(c => c.Path.Contains("29%3Ali", StringComparison.Ordinal)).Select(c => Decoded(c.Body))];
        Assert.True(toLead.Any(b => b.Contains(expected, StringComparison.Ordinal)), expected + " not in: " + string.Join(" | ", toLead));
    }

    [Fact]
    public async Task Consult_UnknownDepartment_SaysItBackAndRecordsNothing()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);
        await staff.SendAsync("海洋牧场 卡在用地审批 上报问题");
        await staff.SendAsync("高");
        await staff.SendAsync("无");
        await staff.SendAsync("确认");
        long blockerId = await host.ScalarAsync("SELECT Id FROM Blockers;");
        ConversationDriver commander = host.Chat("29:sun", CommanderAad);
        await commander.SubmitAsync("consult", blockerId);

        IReadOnlyList<Reply> unknown = await commander.SendAsync("住建局、商务局");
        IReadOnlyList<Reply> done = await commander.SendAsync("商务局");

        Assert.Equal(Text("blockers", "unknown-departments", args: [("names", "住建局"), ("choices", "市海洋发展局、市商务局")]), unknown[^1].Text);
        Assert.Equal(Text("blockers", "consultation-requested", args: [("department", "市商务局")]), done[^1].Text);
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM BlockerEvents WHERE Kind = 'consultation';"));
    }

    private static string Decoded(string body) => JsonSerializer.Serialize(JsonDocument.Parse(body).RootElement, s_readable);
}
