using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Core.Outbox;
using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;

namespace TaskForce.IntegrationTests.Conversations;

public sealed class DepartmentConsultationTests
{
    /// <summary>The test roster with 赵明 (市商务局, another campaign) known to Teams by his Entra object id.</summary>
    private static readonly string s_zhaoInTeams = Yaml.Replace("email: zhao.ming@example.org,", "email: zhao.ming@example.org, aadObjectId: aad-zhao,", StringComparison.Ordinal);

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
    public async Task Escalate_PartialNameTwoDepartmentsHave_AsksWhichOneAndRecordsOnlyTheAnswer()
    {
        string roster = Yaml.Replace(
            "  - { key: commerce,",
            "  - { key: fisheries, name: 市海洋与渔业执法支队, nameEn: Ocean and Fisheries Enforcement Unit }\n  - { key: commerce,",
            StringComparison.Ordinal);
        await using ConversationHost host = await ConversationHost.StartAsync(roster);
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);
        await staff.SendAsync("海洋牧场 卡在用地审批 上报问题");
        await staff.SendAsync("高");

        IReadOnlyList<Reply> asked = await staff.SendAsync("海洋、商务局");
        await staff.SendAsync("市海洋发展局、商务局");
        await staff.SendAsync("确认");

        Assert.Equal(Text("common", "ambiguous-department", args: [("name", "海洋"), ("choices", "市海洋与渔业执法支队、市海洋发展局")]), asked[^1].Text);
        Assert.Equal(2, await host.ScalarAsync("SELECT COUNT(*) FROM BlockerDepartments;"));
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM BlockerDepartments d JOIN Departments x ON x.Id = d.DepartmentId WHERE x.Key = 'fisheries';"));
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
        (long blockerId, OutboxDispatcher outbox, IReadOnlyList<Reply> done) = await ConsultedAsync(host, "海洋局和商务局");
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

    [Fact]
    public async Task ConsultReply_ContactOutsideTheCampaign_AnswerIsStoredAndReachesAskerOwnerAndReporter()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(s_zhaoInTeams);
        (long blockerId, OutboxDispatcher outbox, _) = await ConsultedAsync(host, "海洋局和商务局");
        ConversationDriver contact = host.Chat("29:zhao", "aad-zhao");
        await contact.SendAsync("帮助");

        IReadOnlyList<Reply> asked = await contact.SubmitAsync("consult-reply", blockerId);
        IReadOnlyList<Reply> done = await contact.SendAsync("商务局可以在下周三前出具用地意见");
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await outbox.DispatchDueAsync(CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await outbox.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(Text("blockers", "ask-consultation-reply", args: [("department", "市商务局"), ("task", "海洋牧场示范区建设")]), asked[^1].Text);
        Assert.Equal(Text("blockers", "consultation-replied", args: [("task", "海洋牧场示范区建设")]), done[^1].Text);
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM BlockerConsultations WHERE Reply = '商务局可以在下周三前出具用地意见' AND RepliedByMemberId = (SELECT Id FROM Members WHERE Key = 'zhao');"));
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM BlockerConsultations WHERE Reply IS NULL;"));
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM BlockerEvents WHERE Kind = 'consultation-reply';"));
        string expected = Text("blockers", "update-consultation-reply", args:
            [("department", "市商务局"), ("by", "赵明"), ("task", "海洋牧场示范区建设"), ("text", "卡在用地审批"), ("reply", "商务局可以在下周三前出具用地意见")]);
        foreach (string member in new[] { "29%3Asun", "29%3Ali", "29%3Azhang" })
        {
            string[] bodies = [.. host.Connector.Calls.Where(c => c.Path.Contains(member, StringComparison.Ordinal)).Select(c => Decoded(c.Body))];
            Assert.True(bodies.Any(b => b.Contains(expected, StringComparison.Ordinal)), member + ": " + expected + " not in: " + string.Join(" | ", bodies));
        }
    }

    [Fact]
    public async Task ConsultReply_DepartmentNotAsked_IsRefusedAndNothingIsStored()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(s_zhaoInTeams);
        (long blockerId, _, _) = await ConsultedAsync(host, "海洋局");
        ConversationDriver outsider = host.Chat("29:zhao", "aad-zhao");
        await outsider.SendAsync("帮助");
        ConversationDriver commander = host.Chat("29:sun", CommanderAad);

        IReadOnlyList<Reply> stranger = await outsider.SubmitAsync("consult-reply", blockerId);
        IReadOnlyList<Reply> noDepartment = await commander.SubmitAsync("consult-reply", blockerId);

        Assert.Equal(Text("blockers", "not-found"), stranger[^1].Text);
        Assert.Equal(Text("blockers", "not-consulted"), noDepartment[^1].Text);
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM BlockerEvents WHERE Kind = 'consultation-reply';"));
    }

    [Fact]
    public async Task ConsultNotice_ToTheDepartmentContact_CarriesTheAnswerButton()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        (long blockerId, OutboxDispatcher outbox, _) = await ConsultedAsync(host, "海洋局");
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await outbox.DispatchDueAsync(CancellationToken.None);

        string[] toLead = [.. host.Connector.Calls.Where(c => c.Path.Contains("29%3Ali", StringComparison.Ordinal)).Select(c => Decoded(c.Body))];
        string expected = Text("blockers", "update-consultation-department", args:
            [("by", "孙远航"), ("department", "市海洋发展局"), ("task", "海洋牧场示范区建设"), ("text", "卡在用地审批"), ("id", blockerId)]);
        string notice = Assert.Single(toLead, b => b.Contains(expected, StringComparison.Ordinal));
        Assert.Contains("\"action\":\"consult-reply\",\"id\":" + blockerId, notice, StringComparison.Ordinal);
        Assert.Contains(Text("blockers", "action-consult-reply"), notice, StringComparison.Ordinal);
    }

    /// <summary>
    /// Zhang raises a blocker on the marine ranch (the team leader's card is sent first); the commander asks the named
    /// departments to consult. Returns the blocker, the dispatcher and the commander's answer.
    /// </summary>
    private static async Task<(long BlockerId, OutboxDispatcher Outbox, IReadOnlyList<Reply> Requested)> ConsultedAsync(ConversationHost host, string departments)
    {
        ConversationDriver lead = host.Chat("29:li", LeadAad);
        await lead.SendAsync("帮助");
        ConversationDriver staff = host.Chat("29:zhang", StaffAad);
        await staff.SendAsync("海洋牧场 卡在用地审批 上报问题");
        await staff.SendAsync("高");
        await staff.SendAsync("无");
        await staff.SendAsync("确认");
        long blockerId = await host.ScalarAsync("SELECT Id FROM Blockers;");
        OutboxDispatcher outbox = host.App.Services.GetRequiredService<OutboxDispatcher>();
        await outbox.DispatchDueAsync(CancellationToken.None);
        ConversationDriver commander = host.Chat("29:sun", CommanderAad);
        await commander.SubmitAsync("consult", blockerId);
        return (blockerId, outbox, await commander.SendAsync(departments));
    }

    private static string Decoded(string body) => JsonSerializer.Serialize(JsonDocument.Parse(body).RootElement, s_readable);
}
