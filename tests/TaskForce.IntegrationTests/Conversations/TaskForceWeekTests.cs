using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Core.Meetings;
using TaskForce.Core.Outbox;
using TaskForce.Core.Scheduling;
using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;

namespace TaskForce.IntegrationTests.Conversations;

/// <summary>
/// One working week of the ocean campaign, Monday 30 Nov to Friday 4 Dec 2026, over the real host, a SQLite file and
/// the fake connector on a fake clock: a staff member (张伟), a team leader who has not opened the bot on Monday
/// (李强), the commander (孙远航). Thursday 15:00 is the weekly dispatch meeting; the daily message budget is one, so
/// every day is a busy day for the budget.
/// </summary>
public sealed class TaskForceWeekTests
{
    private const string Roster = Yaml + """

        meetings:
          - { key: ocean-weekly, campaign: ocean, title: 经略海洋攻势周调度会, titleEn: Ocean weekly dispatch, rrule: "FREQ=WEEKLY;BYDAY=TH", start: "2026-09-03T15:00", location: 海洋局二楼, attendees: [{ role: staff }, { role: team_lead }, { role: commander }] }
        """;

    private static readonly JsonSerializerOptions s_readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly TimeSpan s_shanghai = TimeSpan.FromHours(8);

    private static DateTimeOffset Local(int day, int hour, int minute = 0) => new DateTimeOffset(2026, 11, 30, hour, minute, 0, s_shanghai).AddDays(day);

    private static string Readable(ConnectorCall call) =>
        call.Body.Length == 0 ? string.Empty : JsonSerializer.Serialize(JsonDocument.Parse(call.Body).RootElement, s_readable);

    [Fact]
    public async Task AWeek_EveryRoleGetsWhatTheBotPromisedAndWhenItPromisedIt()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Roster, extraSettings: new Dictionary<string, string?> { ["Outbox:DailyBudget"] = "1" }, withoutWorkers: true);
        ReminderPlanner planner = host.App.Services.GetRequiredService<ReminderPlanner>();
        OutboxDispatcher dispatcher = host.App.Services.GetRequiredService<OutboxDispatcher>();
        DateTimeOffset tick = Local(0, 10);
        async Task RunUntilAsync(DateTimeOffset until)
        {
            // Every half hour on the clock (10:00, 10:30, …): plan, then dispatch what is due, as the workers would.
            while (tick < until)
            {
                tick += TimeSpan.FromMinutes(30);
                if (host.Time.GetUtcNow() < tick)
                {
                    host.Time.SetUtcNow(tick);
                }

                await planner.MaterializeAsync(host.Time.GetUtcNow(), CancellationToken.None);
                for (int i = 0; i < 5 && (await dispatcher.DispatchDueAsync(CancellationToken.None)).Claimed > 0; i++)
                {
                    host.Time.Advance(TimeSpan.FromSeconds(2));
                }
            }
        }

        ConversationDriver zhang = host.Chat("29:zhang", StaffAad);
        ConversationDriver sun = host.Chat("29:sun", CommanderAad);
        ConversationDriver li = host.Chat("29:li", LeadAad);
        host.Connector.Responder = call => call.Method == "POST" && call.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)
            ? ConnectorAnswer.Roster() // the app is not installed for users who never opened it
            : null;

        // Monday 10:00: a one-message report; the commander says hello.
        await zhang.SendAsync("海洋牧场 完成70% 本周完成招标");
        Assert.StartsWith(Prefix("report-progress", "saved"), (await zhang.SendAsync("确认"))[^1].Text, StringComparison.Ordinal);
        await sun.SendAsync("帮助");

        // Tuesday 10:00: a blocker; the team leader has never opened the bot, so the commander is copied.
        await RunUntilAsync(Local(1, 10));
        await zhang.SendAsync("航道疏浚 卡在海域使用审批 上报问题");
        await zhang.SendAsync("高");
        await zhang.SendAsync("无");
        IReadOnlyList<Reply> raised = await zhang.SendAsync("确认");
        Assert.StartsWith(Prefix("escalate-blocker", "raised-awaiting-owner-copied"), raised[^1].Text, StringComparison.Ordinal);
        Assert.Contains("孙远航", raised[^1].Text, StringComparison.Ordinal);
        long blocker = await host.ScalarAsync("SELECT Id FROM Blockers;");
        await RunUntilAsync(Local(1, 11));
        Assert.Contains(host.Connector.Accepted, c => c.ConversationId == "a:29:sun" && Readable(c).Contains("海域使用审批", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Connector.Calls, c => c.ConversationId == "a:29:li");

        // Wednesday 09:00: the team leader opens the bot, receives the waiting notice, lists what waits and acknowledges.
        await RunUntilAsync(Local(2, 9));
        await li.SendAsync("帮助");
        await RunUntilAsync(Local(2, 9, 30));
        Assert.Contains(host.Connector.Accepted, c => c.ConversationId == "a:29:li" && Readable(c).Contains("海域使用审批", StringComparison.Ordinal));
        IReadOnlyList<Reply> pending = await li.SendAsync("待我处理的问题");
        Assert.Contains(pending, r => r.Text.Contains("海域使用审批", StringComparison.Ordinal) || r.HasCard);
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM BlockerEvents WHERE Kind = 'acknowledged';"));
        Assert.StartsWith(Prefix("blockers", "acknowledged"), (await li.SubmitAsync("ack", blocker))[^1].Text, StringComparison.Ordinal);

        // Wednesday: a guided report, then a correction.
        await zhang.SendAsync("汇报");
        await zhang.SendAsync("2");
        await zhang.SendAsync("40%");
        await zhang.SendAsync("确认");
        await zhang.SendAsync("改一下 45%");
        Assert.StartsWith(Prefix("report-progress", "amended"), (await zhang.SendAsync("确认"))[^1].Text, StringComparison.Ordinal);

        // The T-1d reminder arrives at Wednesday 15:00 although the budget of one was spent by the morning's notice.
        await RunUntilAsync(Local(2, 16));
        long zhangId = await host.ScalarAsync("SELECT Id FROM Members WHERE Key = 'zhang';");
        long sentAt = await host.ScalarAsync("SELECT CompletedAtMs FROM Outbox WHERE Kind = 'reminder' AND RecipientMemberId = @zhangId AND State = 'sent';", new { zhangId });
        Assert.InRange(sentAt, Local(2, 15).ToUnixTimeMilliseconds(), Local(2, 15, 1).ToUnixTimeMilliseconds());
        Assert.Contains(host.Connector.Accepted, c => c.ConversationId == "a:29:zhang" && Readable(c).Contains("【会议提醒】", StringComparison.Ordinal));

        // Thursday 10:00: resolved by the team leader, confirmed by the reporter, closed by the commander.
        await RunUntilAsync(Local(3, 10));
        await li.SubmitAsync("resolve", blocker);
        Assert.StartsWith(Prefix("blockers", "resolved"), (await li.SendAsync("已协调海洋局加急审批"))[^1].Text, StringComparison.Ordinal);
        await zhang.SubmitAsync("confirm-resolved", blocker);
        IReadOnlyList<Reply> closed = await sun.SendAsync("销号");
        Assert.Contains("海域使用审批", closed[^1].Text, StringComparison.Ordinal);

        // The T-30m reminder at 14:30, the same day's budget long spent.
        await RunUntilAsync(Local(3, 15));
        Assert.Equal(
            1,
            await host.ScalarAsync(
                "SELECT COUNT(*) FROM Outbox WHERE Kind = 'reminder' AND RecipientMemberId = @zhangId AND State = 'sent' AND CompletedAtMs BETWEEN @from AND @to;",
                new { zhangId, from = Local(3, 14, 30).ToUnixTimeMilliseconds(), to = Local(3, 14, 31).ToUnixTimeMilliseconds() }));

        // Friday: next week's meeting is cancelled and its attendees are told; questions from each role.
        await RunUntilAsync(Local(4, 9));
        CancellationResult cancelled = await host.App.Services.GetRequiredService<MeetingCancellation>().CancelAsync("ocean-weekly", new DateOnly(2026, 12, 10), "cli", CancellationToken.None);
        Assert.Equal(CancellationOutcome.Done, cancelled.Outcome);
        await RunUntilAsync(Local(4, 10));
        foreach (string member in new[] { "a:29:zhang", "a:29:li", "a:29:sun" })
        {
            Assert.Contains(host.Connector.Accepted, c => c.ConversationId == member && Readable(c).Contains("【会议取消】", StringComparison.Ordinal));
        }

        foreach ((ConversationDriver who, string question) in new[] { (zhang, "本周到期"), (zhang, "下次例会什么时候"), (li, "逾期任务"), (sun, "海洋攻势进展如何") })
        {
            IReadOnlyList<Reply> answer = await who.SendAsync(question);
            Assert.All(answer, r => Assert.NotEqual(Text("common", "fallback"), r.Text));
            Assert.All(answer, r => Assert.NotEqual(Text("common", "error-retry"), r.Text));
        }

        // The database at the end of the week.
        Assert.Equal(2, await host.ScalarAsync("SELECT COUNT(*) FROM Reports;"));
        Assert.Equal(45, await host.ScalarAsync("SELECT LatestPercent FROM Tasks WHERE Key = 'T2';"));
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM Blockers WHERE State = 'closed';"));
        Assert.Equal(5, await host.ScalarAsync("SELECT COUNT(DISTINCT Kind) FROM BlockerEvents WHERE Kind IN ('raised', 'acknowledged', 'resolved', 'confirmed', 'closed');"));
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={host.App.DatabasePath};Pooling=False"))
        {
            IEnumerable<string> failed = await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT Kind || ' to ' || RecipientMemberId || ': ' || IFNULL(LastError, '') FROM Outbox WHERE State = 'failed';");
            Assert.Empty(failed);
        }

        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Outbox WHERE Kind = 'reminder' AND State = 'digested';"));
    }
}
