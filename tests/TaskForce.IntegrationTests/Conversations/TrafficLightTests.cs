using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;

namespace TaskForce.IntegrationTests.Conversations;

/// <summary>
/// The light a report leaves and the reason given for it. On the host's day (2026-11-30) 首店 is expected at 44 %
/// (60 of 136 days), 海洋牧场 at 68 % (60 of 88 days) and 航道疏浚 at 83 % with 5 days left (25 of 30 days).
/// </summary>
public sealed class TrafficLightTests
{
    private const string Roster = """
        departments:
          - { key: ocean-bureau, name: 市海洋发展局, nameEn: Ocean Development Bureau }
        campaigns:
          - { key: ocean, name: 经略海洋攻势, nameEn: Ocean Offensive }
        members:
          - { key: zhang, name: 张伟, nameEn: Zhang Wei, department: ocean-bureau, aadObjectId: aad-staff-zhang, roles: [{ role: staff, campaign: ocean }] }
          - { key: smith, name: 史密斯, nameEn: Anna Smith, department: ocean-bureau, locale: en-US, aadObjectId: aad-staff-smith, roles: [{ role: staff, campaign: ocean }] }
          - { key: li, name: 李强, nameEn: Li Qiang, department: ocean-bureau, roles: [{ role: team_lead, campaign: ocean }] }
        tasks:
          - key: S1
            campaign: ocean
            title: 首店经济示范街区
            titleEn: First-store street
            aliases: [首店]
            owner: zhang
            department: ocean-bureau
            start: 2026-10-01
            deadline: 2027-02-14
            progress: { percent: 30, status: behind, at: 2026-11-20T10:00, text: 招商滞后 }
          - { key: S2, campaign: ocean, title: 海洋牧场示范区建设, titleEn: Marine ranch, owner: zhang, department: ocean-bureau, start: 2026-10-01, deadline: 2026-12-28 }
          - { key: S3, campaign: ocean, title: 港口航道疏浚工程, titleEn: Harbor dredging, owner: smith, department: ocean-bureau, start: 2026-11-05, deadline: 2026-12-05 }
        """;

    [Fact]
    public async Task PercentOnlyReport_AheadOfPaceAfterABehindReport_SavedGreenAndNotBehind()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Roster);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("首店 完成60%");

        IReadOnlyList<Reply> saved = await chat.SendAsync("确认");

        string reply = saved[^1].Text;
        Assert.StartsWith(Prefix("report-progress", "saved"), reply, StringComparison.Ordinal);
        Assert.Contains("60%", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(Text("report-progress", "status-behind"), reply, StringComparison.Ordinal);
        Assert.DoesNotContain(Text("common", "light-yellow"), reply, StringComparison.Ordinal);
        Assert.Contains(Text("common", "light-green"), reply, StringComparison.Ordinal);
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Tasks WHERE Key = 'S1' AND LatestStatus IS NOT NULL;"));
    }

    [Fact]
    public async Task Report_SixPointsBehindPace_SavedGreen()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Roster);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("海洋牧场 62%");

        IReadOnlyList<Reply> saved = await chat.SendAsync("确认");

        string reply = saved[^1].Text;
        Assert.Contains("62%", reply, StringComparison.Ordinal);
        Assert.Contains("68%", reply, StringComparison.Ordinal);
        Assert.Contains(Text("common", "light-green"), reply, StringComparison.Ordinal);
    }
}
