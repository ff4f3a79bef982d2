using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Core.Escalation;
using TaskForce.Core.Meetings;
using TaskForce.Core.Outbox;
using TaskForce.Core.Scheduling;
using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;

namespace TaskForce.IntegrationTests.Conversations;

/// <summary>
/// One working week of the ocean campaign, Monday 30 Nov to Friday 4 Dec 2026, over the real host, a SQLite file and
/// the fake connector on a fake clock: a staff member (张伟), a team leader who has not opened the bot on Monday
/// (李强), a second team leader from the commerce bureau (陈磊), the commander (孙远航) and the lead city leader
/// (周建华). Thursday 15:00 is the weekly dispatch meeting, Friday 16:00 the leaders' meeting; the daily message budget
/// is one, so every day is a busy day for the budget.
/// </summary>
public sealed class TaskForceWeekTests
{
    private const string ChenAad = "aad-lead-chen";
    private const string ZhouAad = "aad-city-zhou";

    private static readonly string s_roster = Yaml.Replace(
        "tasks:\n",
        """
          - { key: chen, name: 陈磊, nameEn: Chen Lei, department: commerce, aadObjectId: aad-lead-chen, roles: [{ role: team_lead, campaign: ocean }] }
          - { key: zhou, name: 周建华, nameEn: Zhou Jianhua, aadObjectId: aad-city-zhou, roles: [{ role: city_leader, campaign: ocean }] }
        tasks:

        """,
        StringComparison.Ordinal) + """

        meetings:
          - { key: ocean-weekly, campaign: ocean, title: 经略海洋攻势周调度会, titleEn: Ocean weekly dispatch, rrule: "FREQ=WEEKLY;BYDAY=TH", start: "2026-09-03T15:00", location: 海洋局二楼, attendees: [{ role: staff }, { role: team_lead }, { role: commander }] }
          - { key: ocean-leaders, campaign: ocean, title: 经略海洋攻势指挥部碰头会, titleEn: Ocean HQ leaders' meeting, rrule: "FREQ=WEEKLY;BYDAY=FR", start: "2026-09-04T16:00", attendees: [{ role: commander }, { role: city_leader }] }
        """;

    private static readonly JsonSerializerOptions s_readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly TimeSpan s_shanghai = TimeSpan.FromHours(8);

    private static DateTimeOffset Local(int day, int hour, int minute = 0) => new DateTimeOffset(2026, 11, 30, hour, minute, 0, s_shanghai).AddDays(day);

    private static string Readable(ConnectorCall call) =>
        call.Body.Length == 0 ? string.Empty : JsonSerializer.Serialize(JsonDocument.Parse(call.Body).RootElement, s_readable);

    [Fact]
    public async Task AWeek_EveryRoleGetsWhatTheBotPromisedAndWhenItPromisedIt()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(s_roster, extraSettings: new Dictionary<string, string?> { ["Outbox:DailyBudget"] = "1" }, withoutWorkers: true);
        ReminderPlanner planner = host.App.Services.GetRequiredService<ReminderPlanner>();
        OutboxDispatcher dispatcher = host.App.Services.GetRequiredService<OutboxDispatcher>();
        EscalationService escalation = host.App.Services.GetRequiredService<EscalationService>();
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
                await escalation.CheckAsync(host.Time.GetUtcNow(), CancellationToken.None);
                for (int i = 0; i < 5 && (await dispatcher.DispatchDueAsync(CancellationToken.None)).Claimed > 0; i++)
                {
                    host.Time.Advance(TimeSpan.FromSeconds(2));
                }
            }
        }

        ConversationDriver zhang = host.Chat("29:zhang", StaffAad);
        ConversationDriver sun = host.Chat("29:sun", CommanderAad);
        ConversationDriver li = host.Chat("29:li", LeadAad);
        ConversationDriver chen = host.Chat("29:chen", ChenAad);
        ConversationDriver zhou = host.Chat("29:zhou", ZhouAad);
        host.Connector.Responder = call => call.Method == "POST" && call.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)
            ? ConnectorAnswer.Roster() // the app is not installed for users who never opened it
            : null;

        // Monday 10:00: a one-message report; the commander says hello.
        await zhang.SendAsync("海洋牧场 完成70% 本周完成招标");
        Assert.StartsWith(Prefix("report-progress", "saved"), (await zhang.SendAsync("确认"))[^1].Text, StringComparison.Ordinal);
        await sun.SendAsync("帮助");
        await chen.SendAsync("你好");
        await zhou.SendAsync("帮助");

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

        // Nobody acknowledged within the high-severity SLA of 4 working hours (10:00–12:00, 13:30–15:30): at 15:30
        // the blocker climbs to the commander, and not a minute before.
        await RunUntilAsync(Local(1, 15));
        Assert.Equal(0, await host.ScalarAsync("SELECT Level FROM Blockers;"));
        await RunUntilAsync(Local(1, 16));
        Assert.Equal(1, await host.ScalarAsync("SELECT Level FROM Blockers;"));
        Assert.Equal(Local(1, 15, 30).ToUnixTimeMilliseconds(), await host.ScalarAsync("SELECT AtMs FROM BlockerEvents WHERE Kind = 'escalated' AND ToLevel = 1;"));
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM Outbox WHERE Kind = 'escalation' AND RecipientMemberId = (SELECT Id FROM Members WHERE Key = 'sun') AND State = 'sent';"));

        // Wednesday 09:00: the team leader opens the bot, receives the waiting notice, lists what waits and acknowledges.
        await RunUntilAsync(Local(2, 9));
        await li.SendAsync("帮助");
        await RunUntilAsync(Local(2, 9, 30));
        Assert.Contains(host.Connector.Accepted, c => c.ConversationId == "a:29:li" && Readable(c).Contains("海域使用审批", StringComparison.Ordinal));
        IReadOnlyList<Reply> pending = await li.SendAsync("待我处理的问题");
        Assert.Contains(pending, r => r.Text.Contains("海域使用审批", StringComparison.Ordinal) || r.HasCard);
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM BlockerEvents WHERE Kind = 'acknowledged';"));
        Assert.StartsWith(Prefix("blockers", "acknowledged"), (await li.SubmitAsync("ack", blocker))[^1].Text, StringComparison.Ordinal);

        // Wednesday 10:00: the commander pulls in the ocean and commerce bureaus (会商); the commerce bureau's team
        // leader answers from the notice's button at 11:00.
        await RunUntilAsync(Local(2, 10));
        await sun.SubmitAsync("consult", blocker);
        Assert.Equal(
            Text("blockers", "consultation-requested", args: [("department", "市海洋发展局、市商务局")]),
            (await sun.SendAsync("海洋局、商务局"))[^1].Text);
        await RunUntilAsync(Local(2, 11));
        Assert.Contains(host.Connector.Accepted, c => c.ConversationId == "a:29:chen" && Readable(c).Contains("consult-reply", StringComparison.Ordinal));
        await chen.SubmitAsync("consult-reply", blocker);
        Assert.Equal(
            Text("blockers", "consultation-replied", args: [("task", "港口航道疏浚工程")]),
            (await chen.SendAsync("商务局同意共享港区用海数据，周四前发给海洋局"))[^1].Text);

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

        // The T-30m reminder at 14:30, the same day's budget long spent; its brief shows the blocker in consultation.
        await RunUntilAsync(Local(3, 15));
        Assert.Equal(
            1,
            await host.ScalarAsync(
                "SELECT COUNT(*) FROM Outbox WHERE Kind = 'reminder' AND RecipientMemberId = @zhangId AND State = 'sent' AND CompletedAtMs BETWEEN @from AND @to;",
                new { zhangId, from = Local(3, 14, 30).ToUnixTimeMilliseconds(), to = Local(3, 14, 31).ToUnixTimeMilliseconds() }));
        string consulted = Text("reminders", "brief-consultation-line", args:
            [("departments", Text("reminders", "brief-consultation-waiting", args: [("department", "市海洋发展局")]) + "、" + Text("reminders", "brief-consultation-replied", args: [("department", "市商务局")]))]);
        Assert.Contains(host.Connector.Accepted, c => c.ConversationId == "a:29:zhang" && Readable(c).Contains(consulted.Trim(), StringComparison.Ordinal));

        // Thursday 16:00, after the meeting: resolved by the team leader, confirmed by the reporter, closed by the
        // commander — still inside the resolve SLA, so no second climb.
        await RunUntilAsync(Local(3, 16));
        await li.SubmitAsync("resolve", blocker);
        Assert.StartsWith(Prefix("blockers", "resolved"), (await li.SendAsync("已协调海洋局加急审批"))[^1].Text, StringComparison.Ordinal);
        await zhang.SubmitAsync("confirm-resolved", blocker);
        IReadOnlyList<Reply> closed = await sun.SendAsync("销号");
        Assert.Contains("海域使用审批", closed[^1].Text, StringComparison.Ordinal);
        Assert.Equal(1, await host.ScalarAsync("SELECT Level FROM Blockers;"));

        // Friday: next week's meeting is cancelled and its attendees are told; questions from each role.
        await RunUntilAsync(Local(4, 9));
        CancellationResult cancelled = await host.App.Services.GetRequiredService<MeetingCancellation>().CancelAsync("ocean-weekly", new DateOnly(2026, 12, 10), "cli", CancellationToken.None);
        Assert.Equal(CancellationOutcome.Done, cancelled.Outcome);
        await RunUntilAsync(Local(4, 10));
        foreach (string member in new[] { "a:29:zhang", "a:29:li", "a:29:sun" })
        {
            Assert.Contains(host.Connector.Accepted, c => c.ConversationId == member && Readable(c).Contains("【会议取消】", StringComparison.Ordinal));
        }

        foreach ((ConversationDriver who, string question) in new[]
        {
            (zhang, "本周到期"), (zhang, "下次例会什么时候"), (li, "逾期任务"), (chen, "本月到期的任务"), (sun, "海洋攻势进展如何"), (zhou, "红灯任务有哪些"),
        })
        {
            IReadOnlyList<Reply> answer = await who.SendAsync(question);
            Assert.All(answer, r => Assert.NotEqual(Text("common", "fallback"), r.Text));
            Assert.All(answer, r => Assert.NotEqual(Text("common", "error-retry"), r.Text));
        }

        // Friday 15:30: the leaders' T-30m reminder brings the brief to the commander and the city leader; the closed
        // blocker is no longer in it.
        await RunUntilAsync(Local(4, 16));
        foreach (string leader in new[] { "a:29:sun", "a:29:zhou" })
        {
            string[] briefs = [.. host.Connector.Accepted.Where(c => c.ConversationId == leader && Readable(c).Contains("指挥部碰头会", StringComparison.Ordinal)).Select(Readable)];
            Assert.Contains(briefs, b => b.Contains(Prefix("reminders", "brief-lights"), StringComparison.Ordinal) && !b.Contains("海域使用审批", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(host.Connector.Accepted, c => c.ConversationId == "a:29:zhang" && Readable(c).Contains("指挥部碰头会", StringComparison.Ordinal));

        // The database at the end of the week.
        Assert.Equal(2, await host.ScalarAsync("SELECT COUNT(*) FROM Reports;"));
        Assert.Equal(45, await host.ScalarAsync("SELECT LatestPercent FROM Tasks WHERE Key = 'T2';"));
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM Blockers WHERE State = 'closed';"));
        Assert.Equal(9, await host.ScalarAsync(
            "SELECT COUNT(DISTINCT Kind) FROM BlockerEvents WHERE Kind IN ('raised', 'copied', 'escalated', 'acknowledged', 'consultation', 'consultation-reply', 'resolved', 'confirmed', 'closed');"));
        Assert.Equal(2, await host.ScalarAsync("SELECT COUNT(*) FROM BlockerConsultations;"));
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={host.App.DatabasePath};Pooling=False"))
        {
            IEnumerable<string> failed = await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT Kind || ' to ' || RecipientMemberId || ': ' || IFNULL(LastError, '') FROM Outbox WHERE State = 'failed';");
            Assert.Empty(failed);
        }

        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Outbox WHERE Kind = 'reminder' AND State = 'digested';"));
    }
}
