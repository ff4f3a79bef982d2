using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;

namespace TaskForce.IntegrationTests.Conversations;

/// <summary>
/// Phrasings with no rule of their own: a deadline alone, a period with a colour, a weekday with 几点, 写错了, a doubled
/// 取消. On the host's day (Monday 2026-11-30) 港池疏浚 (due Friday, never reported) is red, 灯塔 (due Saturday, 95 %)
/// green, and 海洋牧场 (due 28 December, never reported) red but not due this week.
/// </summary>
public sealed class PhraseFamilyTests
{
    private const string Roster = """
        departments:
          - { key: ocean-bureau, name: 市海洋发展局, nameEn: Ocean Development Bureau }
        campaigns:
          - { key: ocean, name: 经略海洋攻势, nameEn: Ocean Offensive }
        members:
          - { key: zhang, name: 张伟, nameEn: Zhang Wei, department: ocean-bureau, aadObjectId: aad-staff-zhang, roles: [{ role: staff, campaign: ocean }] }
          - { key: lee, name: 李安, nameEn: Andrew Lee, locale: en-US, aadObjectId: aad-commander-lee, roles: [{ role: team_lead, campaign: ocean }] }
          - { key: li, name: 李强, nameEn: Li Qiang, department: ocean-bureau, aadObjectId: aad-lead-li, roles: [{ role: team_lead, campaign: ocean }] }
        tasks:
          - { key: R1, campaign: ocean, title: 港池疏浚工程, titleEn: Harbor basin dredging, owner: zhang, department: ocean-bureau, start: 2026-11-01, deadline: 2026-12-04 }
          - key: G1
            campaign: ocean
            title: 港区灯塔改造
            titleEn: Harbor lighthouse upgrade
            owner: zhang
            department: ocean-bureau
            start: 2026-11-01
            deadline: 2026-12-05
            progress: { percent: 95, at: 2026-11-29T10:00, text: 调试中 }
          - { key: R2, campaign: ocean, title: 海洋牧场示范区建设, titleEn: Marine ranch, owner: zhang, department: ocean-bureau, start: 2026-10-01, deadline: 2026-12-28 }
        meetings:
          - { key: team, campaign: ocean, title: 工作专班周会, titleEn: Working team weekly, rrule: "FREQ=WEEKLY;BYDAY=TH", start: "2026-09-03T15:00", location: 海洋局三楼, attendees: [{ role: staff }] }
        """;

    [Fact]
    public async Task DeadlineAlone_ListsWhatIsDueByThen_NotAReport()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Roster);

        IReadOnlyList<Reply> replies = await host.Chat("29:li", LeadAad).SendAsync("下周一前");

        string text = string.Join(" | ", replies.Select(r => r.Text));
        Assert.Contains(replies, r => r.Text.Contains(Prefix("queries", "list-due"), StringComparison.Ordinal));
        Assert.Contains("港池疏浚工程", text, StringComparison.Ordinal);
        Assert.DoesNotContain("海洋牧场示范区建设", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Prefix("report-progress", "choose-task"), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("本周红灯任务", "29:li", LeadAad, "zh-CN")]
    [InlineData("red tasks this week", "29:lee", EnglishCommanderAad, "en-US")]
    public async Task PeriodAndColour_ListsOnlyTasksOfThatLightDueInThePeriod(string message, string user, string aad, string locale)
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Roster);

        IReadOnlyList<Reply> replies = await host.Chat(user, aad, locale).SendAsync(message);

        string text = string.Join(" | ", replies.Select(r => r.Text));
        Assert.Contains(replies, r => r.Text.Contains(Prefix("queries", "list-due", locale), StringComparison.Ordinal));
        Assert.Contains(locale == "en-US" ? "Harbor basin dredging" : "港池疏浚工程", text, StringComparison.Ordinal);
        Assert.DoesNotContain(locale == "en-US" ? "lighthouse" : "灯塔", text, StringComparison.Ordinal);
        Assert.DoesNotContain(locale == "en-US" ? "Marine ranch" : "海洋牧场", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeekdayAndWhatTime_AnswersWithTheNextMeeting()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Roster);

        IReadOnlyList<Reply> replies = await host.Chat("29:zhang", StaffAad).SendAsync("周四几点开会");

        Assert.Contains("工作专班周会", replies[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WroteItWrong_WithNewPercent_AmendsTheLastReport()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Roster);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("港池疏浚工程 70%");
        await chat.SendAsync("确认");

        IReadOnlyList<Reply> confirm = await chat.SendAsync("写错了 改成60%");
        IReadOnlyList<Reply> amended = await chat.SendAsync("确认");

        Assert.Contains("60%", confirm[^1].Text, StringComparison.Ordinal);
        Assert.StartsWith(Prefix("report-progress", "amended"), amended[^1].Text, StringComparison.Ordinal);
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM Reports WHERE Percent = 60;"));
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Reports WHERE Percent = 70;"));
    }

    [Fact]
    public async Task CancelTwice_CancelsTheReport()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Roster);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        long before = await host.ScalarAsync("SELECT COUNT(*) FROM Reports;");
        await chat.SendAsync("港池疏浚工程 70%");

        IReadOnlyList<Reply> cancelled = await chat.SendAsync("取消 取消");

        Assert.Equal(Text("common", "cancelled"), cancelled[^1].Text);
        Assert.Equal(before, await host.ScalarAsync("SELECT COUNT(*) FROM Reports;"));
    }
}
