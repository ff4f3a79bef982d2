using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;
using static TaskForce.IntegrationTests.Scheduling.ScheduleRosters;
using static TaskForce.IntegrationTests.Scheduling.SchedulingHost;

namespace TaskForce.IntegrationTests.Scheduling;

/// <summary>Blocker SLA escalation in the real host: the hops, and the notices that reach the new owner and the reporter.</summary>
public sealed class EscalationDeliveryTests
{
    private const string RanchTask = "海洋牧场示范区建设";
    private const string DredgingTask = "港口航道疏浚工程";

    private static readonly string s_owner = Prefix("reminders", "escalation-owner");
    private static readonly string s_notice = Prefix("reminders", "escalation-notice");
    private static readonly string s_repeat = Prefix("reminders", "escalation-repeat");

    private const string DredgingBlocker = """
            blockers:
              - { key: BB, text: 环评批复延迟, severity: critical, raisedAt: 2030-03-12T09:00, owner: lead }
        """;

    private static string Roster(bool withDredgingBlocker) => Build(
        [
            Member("zhang", Role("staff", "ocean")),
            Member("lead", Role("team_lead", "ocean")),
            Member("cmdr", Role("commander", "ocean")),
            Member("mayor", Role("city_leader", "ocean")),
        ],
        [],
        // Sunday the 10th is a make-up workday (调休), Monday the 11th a statutory holiday.
        [CalendarDay("2030-03-10", "workday"), CalendarDay("2030-03-11", "holiday")],
        $$"""
        tasks:
          - key: TA
            campaign: ocean
            title: {{RanchTask}}
            titleEn: Marine ranch
            owner: zhang
            department: bureau
            start: 2030-01-01
            deadline: 2030-12-31
            blockers:
              - { key: BA, text: 用地审批未批复, severity: low, raisedAt: 2030-03-08T16:00, owner: lead }
          - key: TB
            campaign: ocean
            title: {{DredgingTask}}
            titleEn: Harbor dredging
            owner: zhang
            department: bureau
            start: 2030-01-01
            deadline: 2030-12-31
        {{(withDredgingBlocker ? DredgingBlocker : "")}}
        """);

    [Fact]
    public async Task Escalation_AcrossWeekendHolidayAndMakeUpDay_NoticesReachNewOwnerAndReporter()
    {
        // BA (low: 16 working hours to acknowledge) from Friday 16:00: 1.5 h Friday + 7 h make-up Sunday + 7 h Tuesday
        // + 0.5 h → commander Wednesday 09:30; 16 more hours → lead city leader Friday 11:30.
        // BB (critical: 2 h to acknowledge, 8 h to resolve) from Tuesday 09:00, acknowledged 09:30, never resolved →
        // commander Wednesday 10:00 (resolve SLA); unacknowledged there → top 12:00; at the top its acknowledge SLA
        // ends 15:30, then a daily reminder on each working day.
        await using SchedulingHost host = await StartAsync(Local("2030-03-08T16:00"), Roster(withDredgingBlocker: false));
        await host.TalkAsync("zhang", "lead", "cmdr", "mayor");
        await host.RunUntilAsync(Local("2030-03-12T09:00"), TimeSpan.FromMinutes(30), plan: false, escalate: true);
        await host.ImportAsync(Roster(withDredgingBlocker: true));
        await host.RunUntilAsync(Local("2030-03-12T09:30"), TimeSpan.FromMinutes(30), plan: false, escalate: true);
        long dredging = await host.ScalarAsync("SELECT Id FROM Blockers WHERE ImportKey = 'BB';");

        IReadOnlyList<Reply> acknowledged = await host.Chat("lead").SubmitAsync("ack", dredging);
        await host.RunUntilAsync(Local("2030-03-18T12:00"), TimeSpan.FromMinutes(30), plan: false, escalate: true);

        Assert.StartsWith(Prefix("blockers", "acknowledged"), acknowledged[^1].Text, StringComparison.Ordinal);
        (DateTimeOffset, string, string, string, int)[] expected =
        [
            (Local("2030-03-13T09:30"), "cmdr", s_owner, RanchTask, 1),
            (Local("2030-03-13T09:30"), "zhang", s_notice, RanchTask, 1),
            (Local("2030-03-13T10:00"), "cmdr", s_owner, DredgingTask, 1),
            (Local("2030-03-13T10:00"), "zhang", s_notice, DredgingTask, 1),
            (Local("2030-03-13T12:00"), "mayor", s_owner, DredgingTask, 2),
            (Local("2030-03-13T12:00"), "zhang", s_notice, DredgingTask, 2),
            (Local("2030-03-13T15:30"), "mayor", s_repeat, DredgingTask, 0),
            (Local("2030-03-14T09:00"), "mayor", s_repeat, DredgingTask, 0),
            (Local("2030-03-15T09:00"), "mayor", s_repeat, DredgingTask, 0),
            (Local("2030-03-15T11:30"), "mayor", s_owner, RanchTask, 2),
            (Local("2030-03-15T11:30"), "zhang", s_notice, RanchTask, 2),
            (Local("2030-03-18T09:00"), "mayor", s_repeat, DredgingTask, 0),
        ];
        Assert.Equal(expected, host.Connector.Calls.Select(Describe).OfType<(DateTimeOffset, string, string, string, int)>().Order());
        Assert.Equal(
            ["0>1:acknowledge-sla", "1>2:acknowledge-sla", "0>1:resolve-sla", "1>2:acknowledge-sla"],
            await host.QueryAsync<string>(
                "SELECT FromLevel || '>' || ToLevel || ':' || Note FROM BlockerEvents WHERE Kind = 'escalated' ORDER BY BlockerId, Id;"));
    }

    /// <summary>An escalation message as (time, recipient, kind prefix, task, level named in it); null for other messages.</summary>
    private static (DateTimeOffset, string, string, string, int)? Describe(ConnectorCall call)
    {
        string? kind = new[] { s_owner, s_notice, s_repeat }.FirstOrDefault(prefix => call.Text.StartsWith(prefix, StringComparison.Ordinal));
        if (kind is null)
        {
            return null;
        }

        string recipient = call.ConversationId!["a:29:".Length..];
        string task = call.Text.Contains(RanchTask, StringComparison.Ordinal) ? RanchTask : DredgingTask;
        int level = call.Text.Contains(Text("reminders", "level-2"), StringComparison.Ordinal) ? 2
            : call.Text.Contains(Text("reminders", "level-1"), StringComparison.Ordinal) ? 1
            : 0;
        return (call.At, recipient, kind, task, level);
    }
}
