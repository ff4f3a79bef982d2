using Microsoft.Extensions.DependencyInjection;
using TaskForce.Core.Roster;
using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;

namespace TaskForce.IntegrationTests.Conversations;

/// <summary>The bot keeps roster data between turns; a roster change must show in the very next turn.</summary>
public sealed class RosterChangeTests
{
    [Fact]
    public async Task Report_AfterReimportRenamesOwnTask_NextTurnUsesNewTitle()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        IReadOnlyList<Reply> before = await chat.SendAsync("海洋牧场 70%");
        await chat.SendAsync("取消");

        await ImportAsync(host, Yaml.Replace("title: 海洋牧场示范区建设", "title: 深海牧场示范区建设", StringComparison.Ordinal));
        IReadOnlyList<Reply> after = await chat.SendAsync("深海牧场 60%");

        Assert.Contains("海洋牧场示范区建设", Assert.Single(before, r => r.HasCard).Text, StringComparison.Ordinal);
        Reply card = Assert.Single(after, r => r.HasCard);
        Assert.Contains("深海牧场示范区建设", card.Text, StringComparison.Ordinal);
        Assert.Contains("60%", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_AfterReimportRenamesSomeoneElsesTask_RefusalNamesNewTitle()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("远洋渔业基地 完成50%");

        await ImportAsync(host, Yaml.Replace("title: 远洋渔业基地扩建", "title: 深远海养殖基地扩建", StringComparison.Ordinal));
        IReadOnlyList<Reply> replies = await chat.SendAsync("深远海养殖基地 完成50%");

        Assert.Equal(Text("report-progress", "not-allowed", args: [("task", "深远海养殖基地扩建"), ("owner", "王芳")]), replies[^1].Text);
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Reports;"));
    }

    [Fact]
    public async Task Report_AfterReimportMakesMemberALead_NextTurnOffersCampaignTasks()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        IReadOnlyList<Reply> refused = await chat.SendAsync("远洋渔业基地 完成50%");

        await ImportAsync(host, Yaml.Replace("roles: [{ role: staff, campaign: ocean }] }", "roles: [{ role: team_lead, campaign: ocean }] }", StringComparison.Ordinal));
        IReadOnlyList<Reply> confirm = await chat.SendAsync("远洋渔业基地 完成50%");

        Assert.StartsWith(Prefix("report-progress", "not-allowed"), refused[^1].Text, StringComparison.Ordinal);
        Assert.Contains("远洋渔业基地扩建", Assert.Single(confirm, r => r.HasCard).Text, StringComparison.Ordinal);
    }

    private static async Task ImportAsync(ConversationHost host, string yaml)
    {
        RosterImportResult result = await host.App.Services.GetRequiredService<RosterImporter>()
            .ImportAsync(new StringReader(yaml), "test-roster.yaml", "test", CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }
}
