using System.CommandLine;
using TaskForce.Bot.Cli;
using TaskForce.Dialogs.Texts;
using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;
using static TaskForce.IntegrationTests.Scheduling.ScheduleRosters;
using static TaskForce.IntegrationTests.Scheduling.SchedulingHost;

namespace TaskForce.IntegrationTests.Scheduling;

/// <summary>
/// Meeting reminders through the real host: planner → outbox → ProactiveDelivery (rendered in the member's language
/// and zone) → ConnectorClient → the fake connector. Conversation references are captured the real way: every
/// attendee first sends a message to /api/messages (20 turns take well under a second).
/// </summary>
public sealed class ReminderScheduleTests
{
    private static readonly string s_late = Text("reminders", "reminder-late");

    [Fact]
    public async Task Reminders_ThirtyDaysTwoCampaignsTwentyAttendees_EachArrivesOnceInItsWindow()
    {
        DateTimeOffset start = Local("2030-03-01T00:00");
        DateTimeOffset end = start.AddDays(30);
        string[] leads = Keys(1, 4);
        string[] oceanAttendees = [.. leads, .. Keys(5, 12)];
        string[] cityAttendees = Keys(9, 20);
        string[] everyone = Keys(1, 20);
        string roster = Build(
            [
                Member("m01", Role("team_lead", "ocean"), Role("team_lead", "city"), Role("commander", "ocean")),
                .. Keys(2, 4).Select(k => Member(k, Role("team_lead", "ocean"), Role("team_lead", "city"))), // a city role adds no ocean attendee
                .. Keys(5, 8).Select(k => Member(k, Role("staff", "ocean"))),
                .. Keys(9, 12).Select(k => Member(k, Role("staff", "ocean"), Role("staff", "city"))),
                .. Keys(13, 20).Select(k => Member(k, Role("staff", "city"))),
            ],
            [
                // Mondays 09:00; Monday the 18th is a holiday, so that meeting moves to Tuesday the 19th.
                Meeting("ocean-weekly", "ocean", OceanWeekly, "FREQ=WEEKLY;BYDAY=MO", "2030-03-04T09:00",
                    [RoleAttendee("team_lead"), .. Keys(5, 12).Select(MemberAttendee)], holidayPolicy: "next_workday"),
                Meeting("city-weekly", "city", CityWeekly, "FREQ=WEEKLY;BYDAY=WE", "2030-03-06T14:30", cityAttendees.Select(MemberAttendee)),
                Meeting("ocean-monthly", "ocean", OceanMonthly, "FREQ=MONTHLY;BYDAY=1TH", "2030-03-07T15:00", [RoleAttendee("team_lead"), RoleAttendee("commander")]),
            ],
            [CalendarDay("2030-03-18", "holiday")]);
        await using SchedulingHost host = await StartAsync(start, roster);
        await host.TalkAsync(everyone);

        await host.RunUntilAsync(end, TimeSpan.FromDays(1));

        IReadOnlyList<ConnectorCall> calls = host.Connector.Calls;
        IReadOnlyList<OutboxRecord> rows = await host.OutboxAsync();
        OutboxRecord[] sent = [.. rows.Where(r => r.State == "sent")];
        // Four weekly occurrences × two offsets per attendee; one monthly occurrence for the four leads (m01 is also the commander).
        int About(string title) => calls.Count(c => c.Text.Contains(title, StringComparison.Ordinal));
        Assert.Equal((96, 96, 8), (About(OceanWeekly), About(CityWeekly), About(OceanMonthly)));
        Assert.All(everyone, key => Assert.Equal(
            (oceanAttendees.Contains(key) ? 8 : 0) + (cityAttendees.Contains(key) ? 8 : 0) + (leads.Contains(key) ? 2 : 0),
            calls.Count(c => c.ConversationId == ConversationOf(key))));
        Assert.Equal(calls.Count, sent.Length);
        var matched = new HashSet<long>();
        foreach (ConnectorCall call in calls)
        {
            // The fake clock does not move during a dispatch, so a call's stamp is its row's completion time.
            OutboxRecord row = Assert.Single(sent, r => ConversationOf(r.MemberKey!) == call.ConversationId && r.CompletedAtMs == call.At.ToUnixTimeMilliseconds());
            Assert.True(matched.Add(row.Id), row.IdempotencyKey);
            Assert.True(row.DueAt <= call.At && call.At < row.NotAfter && call.At - row.DueAt < TimeSpan.FromMinutes(10), row.IdempotencyKey);
            Assert.Contains(Shown(row.NotAfter!.Value), call.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(s_late, call.Text, StringComparison.Ordinal);
        }

        string moved = Text("reminders", "reminder-moved", Locales.Chinese, ("time", Shown(Local("2030-03-18T09:00"))));
        Assert.Equal(12 * 2, calls.Count(c => c.Text.Contains(moved, StringComparison.Ordinal) && c.Text.Contains(Shown(Local("2030-03-19T09:00")), StringComparison.Ordinal)));
        Assert.DoesNotContain(sent, r => r.NotAfter == Local("2030-03-18T09:00"));
        Assert.All(rows.Where(r => r.DueAt < end), r => Assert.Equal("sent", r.State));
        Assert.All(rows.Where(r => r.DueAt >= end), r => Assert.Equal("pending", r.State));
    }

    [Fact]
    public async Task Reminders_MeetingMovedAndOneCancelled_OldJobsVoidedAndOnlyTheNewTimeArrives()
    {
        DateTimeOffset friday = Local("2030-03-01T08:00");
        string Roster(string rrule, string start) => Build(
            [Member("m01", Role("staff", "ocean"), Role("staff", "city"))],
            [
                Meeting("moved", "ocean", OceanWeekly, rrule, start, [MemberAttendee("m01")]),
                Meeting("cancelled", "city", CityWeekly, "FREQ=WEEKLY;BYDAY=WE", "2030-03-06T14:30", [MemberAttendee("m01")]),
            ]);
        await using SchedulingHost host = await StartAsync(friday, Roster("FREQ=WEEKLY;BYDAY=MO", "2030-03-04T09:00"));
        await host.TalkAsync("m01");
        await host.Planner.MaterializeAsync(friday, CancellationToken.None);

        host.Time.Advance(TimeSpan.FromMinutes(5));
        await host.ImportAsync(Roster("FREQ=WEEKLY;BYDAY=TU", "2030-03-05T10:00"));
        int exit = await MeetingsCommand.Create(host.App.Services).Parse(["cancel", "cancelled"]).InvokeAsync();
        await host.RunUntilAsync(friday.AddDays(7), TimeSpan.FromHours(6));

        Assert.Equal(0, exit);
        // The attendee is told at once that the city meeting stopped; after that only the moved meeting's reminders come.
        ConnectorCall told = host.Connector.Calls[0];
        Assert.Contains(CityWeekly, told.Text, StringComparison.Ordinal);
        Assert.Equal(Text("reminders", "cancelled-meeting", Locales.Chinese, ("title", CityWeekly)), told.Text);
        IReadOnlyList<ConnectorCall> calls = [.. host.Connector.Calls.Skip(1)];
        Assert.Equal([Local("2030-03-04T10:00"), Local("2030-03-05T09:30")], calls.Select(c => c.At));
        Assert.All(calls, c => Assert.Contains(OceanWeekly, c.Text, StringComparison.Ordinal));
        Assert.All(calls, c => Assert.Contains(Shown(Local("2030-03-05T10:00")), c.Text, StringComparison.Ordinal));
        IReadOnlyList<OutboxRecord> rows = await host.OutboxAsync();
        long movedId = await host.ScalarAsync("SELECT Id FROM Meetings WHERE Key = 'moved';");
        long cancelledId = await host.ScalarAsync("SELECT Id FROM Meetings WHERE Key = 'cancelled';");
        OutboxRecord[] oldMoved = [.. rows.Where(r => r.MeetingId == movedId && r.IdempotencyKey.Contains(":v1:", StringComparison.Ordinal))];
        Assert.Equal(4, oldMoved.Length); // Mondays 4 and 11 within the horizon, two offsets each
        Assert.All(oldMoved, r => Assert.Equal("voided", r.State));
        Assert.Equal(4, rows.Count(r => r.MeetingId == cancelledId && r.Kind != "meeting-cancelled"));
        Assert.All(rows.Where(r => r.MeetingId == cancelledId && r.Kind != "meeting-cancelled"), r => Assert.Equal("voided", r.State));
    }

    [Fact]
    public async Task Reminders_OneOccurrenceCancelledFromTheCommandLine_ItsRemindersVoidedAndNextWeeksArrive()
    {
        DateTimeOffset friday = Local("2030-03-01T08:00");
        string roster = Build(
            [Member("m01", Role("staff", "ocean"))],
            [Meeting("ocean-weekly", "ocean", OceanWeekly, "FREQ=WEEKLY;BYDAY=MO", "2030-03-04T09:00", [MemberAttendee("m01")])]);
        await using SchedulingHost host = await StartAsync(friday, roster);
        await host.TalkAsync("m01");
        await host.Planner.MaterializeAsync(friday, CancellationToken.None);

        int exit = await MeetingsCommand.Create(host.App.Services).Parse(["cancel", "ocean-weekly", "--on", "2030-03-04"]).InvokeAsync();
        int again = await MeetingsCommand.Create(host.App.Services).Parse(["cancel", "ocean-weekly", "--on", "2030-03-04"]).InvokeAsync();
        await host.RunUntilAsync(friday.AddDays(14), TimeSpan.FromHours(6));

        Assert.Equal((0, 1), (exit, again));
        // One notice of the cancelled occurrence (the second, refused cancel tells nobody), then next week's reminders.
        Assert.Equal(Text("reminders", "cancelled-occurrence", Locales.Chinese, ("title", OceanWeekly), ("time", Shown(Local("2030-03-04T09:00")))), host.Connector.Calls[0].Text);
        IReadOnlyList<ConnectorCall> calls = [.. host.Connector.Calls.Skip(1)];
        Assert.Equal([Local("2030-03-10T09:00"), Local("2030-03-11T08:30")], calls.Select(c => c.At));
        Assert.All(calls, c => Assert.Contains(Shown(Local("2030-03-11T09:00")), c.Text, StringComparison.Ordinal));
        OutboxRecord[] cancelled = [.. (await host.OutboxAsync()).Where(r => r.NotAfter == Local("2030-03-04T09:00") && r.Kind != "meeting-cancelled")];
        Assert.Equal(2, cancelled.Length);
        Assert.All(cancelled, r => Assert.Equal(("voided", "meeting cancelled"), (r.State, r.LastError)));
    }

    [Fact]
    public async Task Reminders_OccurrenceAddedToTheRostersExceptions_VoidedAtTheNextPlanningAndNextWeeksArrives()
    {
        DateTimeOffset friday = Local("2030-03-01T08:00");
        string Roster(string exceptions) => Build(
            [Member("m01", Role("staff", "ocean"))],
            [Meeting("ocean-weekly", "ocean", OceanWeekly, "FREQ=WEEKLY;BYDAY=MO", "2030-03-04T09:00", [MemberAttendee("m01")]) + $"\n    exceptions: [{exceptions}]"]);
        await using SchedulingHost host = await StartAsync(friday, Roster(""));
        await host.TalkAsync("m01");
        await host.Planner.MaterializeAsync(friday, CancellationToken.None);

        host.Time.Advance(TimeSpan.FromMinutes(5));
        await host.ImportAsync(Roster("2030-03-04"));
        await host.RunUntilAsync(friday.AddDays(14), TimeSpan.FromHours(6));

        Assert.Equal([Local("2030-03-10T09:00"), Local("2030-03-11T08:30")], host.Connector.Calls.Select(c => c.At));
        IReadOnlyList<OutboxRecord> rows = await host.OutboxAsync();
        Assert.All(rows.Where(r => r.NotAfter == Local("2030-03-04T09:00")), r => Assert.Equal("voided", r.State));
        Assert.Equal(2, rows.Count(r => r.NotAfter == Local("2030-03-04T09:00")));
    }

    [Fact]
    public async Task Reminders_BeyondTheDailyBudget_StillArriveOnTimeAndNeverInTheEveningDigest()
    {
        DateTimeOffset tuesday = Local("2030-03-05T08:00");
        // Five reminders of one 19:00 meeting, due 09:00 to 13:00; the daily budget is three. A reminder's moment is
        // before its meeting, so none of them may wait for the 17:30 digest.
        string roster = Build(
            [Member("m01", Role("staff", "ocean"))],
            [Meeting("evening", "ocean", OceanWeekly, "FREQ=WEEKLY;BYDAY=TU", "2030-03-05T19:00", [MemberAttendee("m01")], offsets: "[600, 540, 480, 420, 360]")]);
        await using SchedulingHost host = await StartAsync(tuesday, roster);
        await host.TalkAsync("m01");

        await host.RunUntilAsync(Local("2030-03-05T18:00"), TimeSpan.FromHours(1));

        IReadOnlyList<ConnectorCall> calls = host.Connector.Calls;
        Assert.Equal(
            [Local("2030-03-05T09:00"), Local("2030-03-05T10:00"), Local("2030-03-05T11:00"), Local("2030-03-05T12:00"), Local("2030-03-05T13:00")],
            calls.Select(c => c.At));
        IReadOnlyList<OutboxRecord> rows = await host.OutboxAsync();
        Assert.Equal(0, rows.Count(r => r.State == "digested"));
        Assert.DoesNotContain(rows, r => r.Kind == "digest");
    }

    [Fact]
    public async Task RemindNow_FromTheCommandLine_OneDispatchDeliversToEveryAttendee()
    {
        DateTimeOffset monday = Local("2030-03-04T08:00");
        string roster = Build(
            Staff(Keys(1, 2)),
            [Meeting("ocean-weekly", "ocean", OceanWeekly, "FREQ=WEEKLY;BYDAY=TU", "2030-03-05T15:00", [RoleAttendee("staff")])]);
        await using SchedulingHost host = await StartAsync(monday, roster);
        await host.TalkAsync(Keys(1, 2));

        int exit = await MeetingsCommand.Create(host.App.Services).Parse(["remind-now", "ocean-weekly", "--in", "1m"]).InvokeAsync();
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await host.Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Equal([ConversationOf("m01"), ConversationOf("m02")], host.Connector.Calls.Select(c => c.ConversationId).Order(StringComparer.Ordinal));
        Assert.All(host.Connector.Calls, c => Assert.Contains(OceanWeekly, c.Text, StringComparison.Ordinal));
        Assert.All(host.Connector.Calls, c => Assert.Contains(Shown(Local("2030-03-05T15:00")), c.Text, StringComparison.Ordinal));
    }
}
