using Microsoft.Extensions.Time.Testing;
using TaskForce.Core.Blockers;
using TaskForce.Core.Meetings;
using TaskForce.Core.Tasks;
using TaskForce.Dialogs.Rendering;
using TaskForce.Dialogs.Texts;
using TaskForce.Tests.Architecture;
using TaskForce.Tests.Core.Scheduling;

namespace TaskForce.Tests.Core.Meetings;

public sealed class ReminderRendererTests
{
    private static readonly TextCatalog s_texts = TextCatalog.LoadDirectory(Path.Combine(DependencyRulesTests.RepoRoot(), "dialogs"));
    private static readonly DateTimeOffset s_now = SchedulerHarness.Local("2030-03-10T09:00");

    private static readonly Meeting s_meeting = new(
        1, 1, "ocean-weekly", "Ocean weekly (zh)", "Ocean weekly dispatch", "FREQ=WEEKLY;BYDAY=MO", new DateTime(2030, 3, 4, 9, 0, 0),
        "Asia/Shanghai", 60, "Room 301", HolidayPolicy.NextWorkday, [1440, 30], null, 1);

    private static ReminderRenderer Renderer() => new(s_texts, new FakeTimeProvider(s_now));

    private static ReminderMeetingView View(bool withDecision) => new(
        s_meeting,
        new MeetingOccurrence(s_meeting, SchedulerHarness.Local("2030-03-12T09:00"), SchedulerHarness.Local("2030-03-11T09:00")),
        new MeetingBrief(
            "Ocean (zh)",
            "Ocean",
            new Dictionary<Light, int> { [Light.Red] = 1, [Light.Yellow] = 1, [Light.Green] = 5, [Light.Done] = 2 },
            [new BriefTask(7, "Harbor (zh)", "Harbor dredging", 20, new DateOnly(2030, 3, 1))],
            [new BriefTask(8, "Ranch (zh)", "Ocean ranch", 50, new DateOnly(2030, 4, 1))],
            [new BriefBlocker(3, 7, "Harbor (zh)", "Harbor dredging", "permit pending", "high", 1, s_now.AddDays(-4))],
            SchedulerHarness.Local("2030-03-04T09:00"),
            withDecision ? [new MeetingDecision(1, "Tender by Friday", null, null, Done: false)] : []));

    [Fact]
    public void Reminder_EnglishRecipientInLondon_ShowsLocalTimeBriefAndDecisions()
    {
        OutgoingMessage message = Renderer().Reminder(View(withDecision: true), new ReminderRecipient("en-GB", "Europe/London"), late: true);

        string[] expected =
        [
            s_texts.Get(new TextKey("reminders", "reminder-title"), "en-US", ("title", "Ocean weekly dispatch")),
            s_texts.Get(new TextKey("reminders", "reminder-late"), "en-US"),
            s_texts.Get(new TextKey("reminders", "reminder-time"), "en-US", ("time", "Tue Mar 12, 01:00")),
            s_texts.Get(new TextKey("reminders", "reminder-location"), "en-US", ("location", "Room 301")),
            s_texts.Get(new TextKey("reminders", "brief-lights"), "en-US", ("red", 1), ("yellow", 1), ("green", 5), ("done", 2)),
            s_texts.Get(new TextKey("reminders", "brief-red"), "en-US", ("tasks", "Harbor dredging")),
            s_texts.Get(new TextKey("reminders", "brief-blocker-line"), "en-US", ("task", "Harbor dredging"), ("text", "permit pending"), ("level", "commander"), ("days", 4)),
            s_texts.Get(new TextKey("reminders", "brief-decision-line"), "en-US", ("text", "Tender by Friday")),
        ];
        Assert.All(expected, line => Assert.Contains(line, message.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Reminder_BlockerInConsultation_NamesEachDepartmentAndWhetherItAnswered()
    {
        ReminderMeetingView view = View(withDecision: false);
        BriefBlocker consulted = view.Brief.OpenBlockers[0] with
        {
            Consultations =
            [
                new BlockerConsultation(1, "Housing (zh)", "Housing Bureau", 9, Reply: "Permit next week", "Wang (zh)", "Wang"),
                new BlockerConsultation(2, "Planning (zh)", null, 9, Reply: null, null, null),
            ],
        };
        ReminderMeetingView withConsultation = view with { Brief = view.Brief with { OpenBlockers = [consulted] } };

        string en = Renderer().Reminder(withConsultation, new ReminderRecipient("en-US", "Asia/Shanghai"), late: false).Text;
        string zh = Renderer().Reminder(withConsultation, new ReminderRecipient("zh-CN", "Asia/Shanghai"), late: false).Text;

        string enDepartments = s_texts.Get(new TextKey("reminders", "brief-consultation-replied"), "en-US", ("department", "Housing Bureau"))
            + s_texts.Get(new TextKey("reminders", "list-separator"), "en-US")
            + s_texts.Get(new TextKey("reminders", "brief-consultation-waiting"), "en-US", ("department", "Planning (zh)"));
        string zhDepartments = s_texts.Get(new TextKey("reminders", "brief-consultation-replied"), "zh-CN", ("department", "Housing (zh)"))
            + s_texts.Get(new TextKey("reminders", "list-separator"), "zh-CN")
            + s_texts.Get(new TextKey("reminders", "brief-consultation-waiting"), "zh-CN", ("department", "Planning (zh)"));
        Assert.Contains(s_texts.Get(new TextKey("reminders", "brief-consultation-line"), "en-US", ("departments", enDepartments)), en, StringComparison.Ordinal);
        Assert.Contains(s_texts.Get(new TextKey("reminders", "brief-consultation-line"), "zh-CN", ("departments", zhDepartments)), zh, StringComparison.Ordinal);
        Assert.DoesNotContain(s_texts.Get(new TextKey("reminders", "brief-consultation-line"), "en-US", ("departments", string.Empty)).Trim(), Renderer().Reminder(view, new ReminderRecipient("en-US", "Asia/Shanghai"), late: false).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reminder_ChineseRecipientNoDecisions_UsesChineseTextsWithoutDecisionSection()
    {
        OutgoingMessage message = Renderer().Reminder(View(withDecision: false), new ReminderRecipient("zh-CN", "Asia/Shanghai"), late: false);

        Assert.Contains(s_texts.Get(new TextKey("reminders", "reminder-time"), "zh-CN", ("time", "3月12日 周二 09:00")), message.Text, StringComparison.Ordinal);
        Assert.Contains(s_texts.Get(new TextKey("reminders", "reminder-moved"), "zh-CN", ("time", "3月11日 周一 09:00")), message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(s_texts.Get(new TextKey("reminders", "brief-decisions"), "zh-CN"), message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(s_texts.Get(new TextKey("reminders", "reminder-late"), "zh-CN"), message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reminder_RedAndYellowTasksWithReasons_EachTaskNamesItsReasonInTheRecipientsLanguage()
    {
        ReminderMeetingView view = View(withDecision: false);
        MeetingBrief brief = view.Brief with
        {
            RedTasks = [view.Brief.RedTasks[0] with { Reason = new LightReason(LightReasonKind.BehindSchedule, PointsBehind: 24) }],
            YellowTasks = [view.Brief.YellowTasks[0] with { Reason = new LightReason(LightReasonKind.DeadlineNear, DaysLeft: 5, Percent: 40) }],
        };

        string zh = Renderer().Reminder(view with { Brief = brief }, new ReminderRecipient("zh-CN", "Asia/Shanghai"), late: false).Text;
        string en = Renderer().Reminder(view with { Brief = brief }, new ReminderRecipient("en-US", "Asia/Shanghai"), late: false).Text;

        Assert.Contains(s_texts.Get(new TextKey("reminders", "brief-red"), "zh-CN", ("tasks", "Harbor (zh)（落后序时进度 24 个百分点）")), zh, StringComparison.Ordinal);
        Assert.Contains(s_texts.Get(new TextKey("reminders", "brief-yellow"), "zh-CN", ("tasks", "Ranch (zh)（距截止 5 天，完成 40%）")), zh, StringComparison.Ordinal);
        Assert.Contains(s_texts.Get(new TextKey("reminders", "brief-red"), "en-US", ("tasks", "Harbor dredging (24 points behind expected progress)")), en, StringComparison.Ordinal);
        Assert.Contains(s_texts.Get(new TextKey("reminders", "brief-yellow"), "en-US", ("tasks", "Ocean ranch (5 days to the deadline, 40% done)")), en, StringComparison.Ordinal);
    }

    [Fact]
    public void Nudge_TwoUnreportedTasks_OneReportButtonPerTask()
    {
        BriefTask[] tasks = [new(7, "Harbor (zh)", "Harbor dredging", 20, new DateOnly(2030, 3, 1)), new(9, "Pier (zh)", null, null, new DateOnly(2030, 5, 1))];

        OutgoingMessage message = Renderer().Nudge(s_meeting, SchedulerHarness.Local("2030-03-11T09:00"), tasks, new ReminderRecipient("en-US", "Asia/Shanghai"), late: false);

        Assert.Equal(["report:7", "report:9"], message.Buttons.Select(b => b.Value));
        Assert.Equal(s_texts.Get(new TextKey("reminders", "nudge-button"), "en-US", ("task", "Harbor dredging")), message.Buttons[0].Title);
        Assert.Contains("Pier (zh)", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Escalation_OwnerAndReporter_OwnerGetsAcknowledgeAndResolveButtons()
    {
        var notices = new ReminderNoticeRenderer(s_texts, Renderer());
        var view = new ReminderEscalationView("escalation", 3, "Harbor (zh)", "Harbor dredging", "permit pending", "critical", 2, s_now.AddDays(-2));

        OutgoingMessage owner = notices.Escalation(view, new ReminderRecipient("en-US", "Asia/Shanghai"), late: false);
        OutgoingMessage reporter = notices.Escalation(view with { Kind = "escalation-notice" }, new ReminderRecipient("zh-CN", "Asia/Shanghai"), late: false);

        Assert.Equal(["blocker-ack:3", "blocker-resolve:3"], owner.Buttons.Select(b => b.Value));
        Assert.Contains("lead city leader", owner.Text, StringComparison.Ordinal);
        Assert.Empty(reporter.Buttons);
    }

    [Fact]
    public void Digest_TwoLines_ListsThemInTimeOrder()
    {
        var notices = new ReminderNoticeRenderer(s_texts, Renderer());

        OutgoingMessage digest = notices.Digest(
            [new ReminderDigestLine(s_now.AddHours(2), "second"), new ReminderDigestLine(s_now.AddHours(1), "first")],
            new ReminderRecipient("en-US", "Asia/Shanghai"));

        Assert.True(digest.Text.IndexOf("first", StringComparison.Ordinal) < digest.Text.IndexOf("second", StringComparison.Ordinal));
        Assert.StartsWith(s_texts.Get(new TextKey("reminders", "digest-heading"), "en-US", ("count", 2)), digest.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reminder_IsACardWithShortSections_AndTheSameTextAsFallback()
    {
        OutgoingMessage message = Renderer().Reminder(View(withDecision: true), new ReminderRecipient("zh-CN", "Asia/Shanghai"), late: false);

        System.Text.Json.Nodes.JsonArray body = message.Card!["body"]!.AsArray();
        string[] lines = message.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines[0], (string?)body[0]!["text"]);
        Assert.Equal(lines.Length, body.Count);
        Assert.Equal(message.Text.Split("\n\n").Length - 1, body.Count(b => (bool?)b!["separator"] == true));
        Assert.All(body.Skip(1), b => Assert.True((bool?)b!["wrap"]));
    }
}
