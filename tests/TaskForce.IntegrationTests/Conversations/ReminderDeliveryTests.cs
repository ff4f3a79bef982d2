using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Core.Meetings;
using TaskForce.Core.Outbox;
using TaskForce.Core.Scheduling;
using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;

namespace TaskForce.IntegrationTests.Conversations;

/// <summary>The scheduler's delivery in the real host: outbox → render → connector, and what a 403 does.</summary>
public sealed class ReminderDeliveryTests
{
    private const string WithMeeting = Yaml + """

        meetings:
          - key: ocean-weekly
            campaign: ocean
            title: 经略海洋攻势专班周调度会
            titleEn: Ocean weekly dispatch meeting
            rrule: FREQ=WEEKLY;BYDAY=TU
            start: 2026-09-01T15:00
            location: 市海洋发展局二楼会议室
            attendees: [{ role: staff }]
        """;

    private static readonly JsonSerializerOptions s_readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task Reminder_Due_ReachesTheMembersConversationThroughTheConnector()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(WithMeeting);
        await host.Chat("29:zhang", StaffAad).SendAsync("帮助");
        await host.App.Services.GetRequiredService<ReminderPlanner>().RemindNowAsync("ocean-weekly", TimeSpan.FromMinutes(1), host.Time.GetUtcNow(), CancellationToken.None);

        host.Time.Advance(TimeSpan.FromMinutes(2));
        await host.App.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        ConnectorCall sent = Assert.Single(host.Connector.Calls, c => c.ConversationId == "a:29:zhang");
        Assert.Equal("/_connector/v3/conversations/a%3A29%3Azhang/activities", sent.Path);
        Assert.Contains("经略海洋攻势专班周调度会", JsonSerializer.Serialize(JsonDocument.Parse(sent.Body).RootElement, s_readable), StringComparison.Ordinal);
        // 王芳 and Anna Smith never talked to the bot: the roster has their Entra object ids, so the bot starts their
        // Teams chats and the reminder reaches them too.
        Assert.Equal(2, host.Connector.Calls.Count(c => c.Method == "POST" && c.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)));
        Assert.Equal(3, await host.ScalarAsync("SELECT COUNT(*) FROM Outbox WHERE State = 'sent';"));
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Outbox WHERE State = 'failed';"));
    }

    [Fact]
    public async Task Reminder_ClientInAnotherZone_ShowsTheTimeInTheMembersRosterZoneLikeTheChatDoes()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(WithMeeting);
        ConversationDriver zhang = host.Chat("29:zhang", StaffAad);
        JsonObject hello = zhang.Activity("帮助");
        hello["localTimezone"] = "Europe/London";
        Assert.Equal(System.Net.HttpStatusCode.OK, (await TestActivities.PostAsync(host.Client, hello)).StatusCode);
        await host.App.Services.GetRequiredService<ReminderPlanner>().RemindNowAsync("ocean-weekly", TimeSpan.FromMinutes(1), host.Time.GetUtcNow(), CancellationToken.None);

        host.Time.Advance(TimeSpan.FromMinutes(2));
        await host.App.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        // The next Tuesday meeting is at 15:00 in Asia/Shanghai, the zone the roster gives 张伟 (07:00 in London).
        string text = JsonSerializer.Serialize(JsonDocument.Parse(Assert.Single(host.Connector.Calls, c => c.ConversationId == "a:29:zhang").Body).RootElement, s_readable);
        Assert.Contains("15:00", text, StringComparison.Ordinal);
        Assert.DoesNotContain("07:00", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminder_BotRemovedFromConversation_MarksConversationDeadAndFailsOnce()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(WithMeeting);
        await host.Chat("29:zhang", StaffAad).SendAsync("帮助");
        await host.App.Services.GetRequiredService<ReminderPlanner>().RemindNowAsync("ocean-weekly", TimeSpan.FromMinutes(1), host.Time.GetUtcNow(), CancellationToken.None);
        host.Connector.Responder = call => call.ConversationId == "a:29:zhang" ? ConnectorAnswer.Roster() : null;

        host.Time.Advance(TimeSpan.FromMinutes(2));
        await host.App.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(2));
        await host.App.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        Assert.Single(host.Connector.Calls, c => c.ConversationId == "a:29:zhang");
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM ConversationReferences WHERE UserId = '29:zhang' AND DeadAtMs IS NOT NULL;"));
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM Outbox WHERE State = 'failed';"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task MeetingCancelled_EveryAttendeeIsToldAndNoReminderFollows(bool oneOccurrence)
    {
        await using ConversationHost host = await ConversationHost.StartAsync(WithMeeting);
        await host.Chat("29:zhang", StaffAad).SendAsync("帮助");
        await host.Chat("29:li", LeadAad).SendAsync("帮助");
        await host.App.Services.GetRequiredService<ReminderPlanner>().MaterializeAsync(host.Time.GetUtcNow(), CancellationToken.None);
        MeetingCancellation cancellation = host.App.Services.GetRequiredService<MeetingCancellation>();

        CancellationResult result = await cancellation.CancelAsync("ocean-weekly", oneOccurrence ? new DateOnly(2026, 12, 1) : null, "cli", CancellationToken.None);
        await host.App.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        Assert.Equal(CancellationOutcome.Done, result.Outcome);
        ConnectorCall told = Assert.Single(host.Connector.Calls, c => c.ConversationId == "a:29:zhang");
        string text = JsonSerializer.Serialize(JsonDocument.Parse(told.Body).RootElement, s_readable);
        Assert.Contains(oneOccurrence ? "会议取消" : "会议停开", text, StringComparison.Ordinal);
        Assert.Contains("经略海洋攻势专班周调度会", text, StringComparison.Ordinal);
        // The three staff attend (one of them has talked to the bot, two are reached through Teams); the lead does not.
        Assert.Equal(3, await host.ScalarAsync("SELECT COUNT(*) FROM Outbox WHERE Kind = 'meeting-cancelled' AND State = 'sent';"));
        Assert.DoesNotContain(host.Connector.Calls, c => c.ConversationId == "a:29:li");
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Outbox WHERE Kind = 'reminder' AND State = 'sent';"));
    }
}
