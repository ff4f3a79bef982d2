using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;

namespace TaskForce.IntegrationTests.Conversations;

/// <summary>下次例会什么时候: each member hears of the meetings they attend (leaders also of their campaigns' meetings), no other.</summary>
public sealed class MeetingQuestionTests
{
    // Monday 30 Nov 2026 10:00 in Shanghai. The HQ meeting (leaders only) is on Tuesday, the team meeting on Thursday.
    private const string Roster = Yaml + """

        meetings:
          - { key: hq, campaign: ocean, title: 指挥部调度会, titleEn: HQ dispatch meeting, rrule: "FREQ=WEEKLY;BYDAY=TU", start: "2026-09-01T09:00", location: 指挥部会议室, attendees: [{ role: commander }, { role: team_lead }] }
          - { key: team, campaign: ocean, title: 工作专班周会, titleEn: Working team weekly, rrule: "FREQ=WEEKLY;BYDAY=TH", start: "2026-09-03T15:00", location: 海洋局三楼, attendees: [{ role: staff }] }
        """;

    [Fact]
    public async Task Staff_HearsOfTheTeamMeeting_NotTheHqMeetingTheyAreNotInvitedTo()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Roster);

        IReadOnlyList<Reply> replies = await host.Chat("29:zhang", StaffAad).SendAsync("下次例会什么时候");

        Assert.Contains("工作专班周会", replies[^1].Text, StringComparison.Ordinal);
        Assert.Contains("12月3日 周四 15:00", replies[^1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("指挥部", replies[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamLead_HearsOfTheEarlierHqMeeting()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Roster);

        IReadOnlyList<Reply> replies = await host.Chat("29:li", LeadAad).SendAsync("下次例会什么时候");

        Assert.Contains("指挥部调度会", replies[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommanderOfAnotherCampaign_HasNoMeeting()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Roster);

        IReadOnlyList<Reply> replies = await host.Chat("29:lee", EnglishCommanderAad, "en-US").SendAsync("when is the next meeting");

        Assert.Equal(Text("meetings", "none", "en-US"), replies[^1].Text);
    }
}
