using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;

namespace TaskForce.IntegrationTests.Conversations;

/// <summary>
/// The light a report leaves and the reason given for it. On the host's day (2026-11-30) 首店 is expected at 44 %
/// (60 of 136 days), 海洋牧场 and 灯塔 at 68 % (60 of 88 days) and 航道疏浚 at 83 % with 5 days left (25 of 30 days).
/// 灯塔 has a blocker escalated past its SLA.
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
          - key: S4
            campaign: ocean
            title: 港区灯塔改造
            titleEn: Harbor lighthouse upgrade
            aliases: [灯塔]
            owner: zhang
            department: ocean-bureau
            start: 2026-10-01
            deadline: 2026-12-28
            blockers:
              - { key: S4-permit, text: 用地审批未批复, level: 1, raisedAt: 2026-11-20T10:00 }
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

    [Fact]
    public async Task PercentOnlyReport_AheadOfPace_SavedReplyIsTheGreenOne()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Roster);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("首店 完成60%");

        IReadOnlyList<Reply> saved = await chat.SendAsync("确认");

        Assert.Equal(
            Text("report-progress", "saved", args: [("task", "首店经济示范街区"), ("percent", "60%"), ("light", "绿灯"), ("expected", 44)]),
            saved[^1].Text);
    }

    [Fact]
    public async Task Report_EighteenPointsBehind_SavedYellowWithItsReasonAndTheStatusAnswerRepeatsIt()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Roster);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("海洋牧场 50%");

        IReadOnlyList<Reply> saved = await chat.SendAsync("确认");
        IReadOnlyList<Reply> status = await chat.SendAsync("海洋牧场进展怎么样");

        string reason = Text("queries", "reason-behind", args: [("points", 18)]);
        Assert.Equal("落后序时进度 18 个百分点", reason);
        Assert.Equal(
            Text("report-progress", "saved-reason", args: [("task", "海洋牧场示范区建设"), ("percent", "50%"), ("light", "黄灯"), ("reason", reason), ("expected", 68)]),
            saved[^1].Text);
        Assert.Contains(Text("queries", "light-with-reason", args: [("light", "黄灯"), ("reason", reason)]), status[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusAnswer_EscalatedBlocker_RedNamesTheBlocker()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Roster);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("灯塔 62%");
        IReadOnlyList<Reply> saved = await chat.SendAsync("确认");

        IReadOnlyList<Reply> status = await chat.SendAsync("灯塔进展怎么样");

        string reason = Text("queries", "reason-blocker", args: [("text", "用地审批未批复")]);
        Assert.Equal("有未解决问题：用地审批未批复", reason);
        Assert.Contains(reason, saved[^1].Text, StringComparison.Ordinal);
        Assert.Contains(Text("queries", "light-with-reason", args: [("light", "红灯"), ("reason", reason)]), status[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_English_DeadlineNearReasonInEnglish()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Roster);
        ConversationDriver chat = host.Chat("29:smith", EnglishStaffAad, "en-US");
        await chat.SendAsync("dredging 75%");

        IReadOnlyList<Reply> saved = await chat.SendAsync("confirm");

        string reason = Text("queries", "reason-deadline-near", "en-US", ("days", 5), ("percent", 75));
        Assert.Equal("5 days to the deadline, 75% done", reason);
        Assert.Equal(
            Text("report-progress", "saved-reason", "en-US", ("task", "Harbor dredging"), ("percent", "75%"), ("light", "yellow"), ("reason", reason), ("expected", 83)),
            saved[^1].Text);
    }

    [Fact]
    public async Task ListLines_YellowTask_CarryTheReason()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Roster);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("海洋牧场 50%");
        await chat.SendAsync("确认");

        IReadOnlyList<Reply> list = await chat.SendAsync("12月到期的任务");

        Assert.Contains(Text("queries", "reason-behind", args: [("points", 18)]), list[^1].Text, StringComparison.Ordinal);
    }
}
