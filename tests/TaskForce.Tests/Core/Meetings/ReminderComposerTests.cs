using Microsoft.Extensions.Options;
using TaskForce.Core.Escalation;
using TaskForce.Core.Meetings;
using TaskForce.Core.Outbox;
using TaskForce.Core.Tasks;
using TaskForce.Dialogs.Rendering;
using TaskForce.Dialogs.Texts;
using TaskForce.Tests.Architecture;
using TaskForce.Tests.Core.Scheduling;

namespace TaskForce.Tests.Core.Meetings;

public sealed class ReminderComposerTests
{
    private static readonly TextCatalog s_texts = TextCatalog.LoadDirectory(Path.Combine(DependencyRulesTests.RepoRoot(), "dialogs"));
    private static readonly ReminderRecipient s_english = new("en-US", "Asia/Shanghai");

    private static ReminderComposer Composer(SchedulerHarness h)
    {
        var renderer = new ReminderRenderer(s_texts, h.Time);
        return new ReminderComposer(
            h.Meetings,
            new MeetingBriefService(new MeetingBriefStore(h.Database), h.Meetings, h.Calendars, Options.Create(new TrafficLightOptions())),
            new MeetingBriefStore(h.Database),
            new EscalationStore(h.Database),
            renderer,
            new ReminderNoticeRenderer(s_texts, renderer));
    }

    [Fact]
    public async Task ComposeAsync_PlannedJobsAndEscalation_RenderEachKindForTheRecipient()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(SchedulerHarness.Local("2030-03-10T08:30"));
        long campaign = await h.Data.CampaignAsync("Ocean");
        long department = await h.Data.DepartmentAsync();
        long member = await h.Data.MemberAsync(department);
        long lead = await h.Data.MemberAsync(department);
        await h.Data.RoleAsync(lead, "team_lead", campaign);
        await h.Data.RoleAsync(lead, "commander", campaign);
        long meeting = await h.Data.MeetingAsync(campaign, "FREQ=WEEKLY;BYDAY=MO", "2030-03-04T09:00");
        await h.Data.AttendeeAsync(meeting, member);
        long overdue = await h.Data.TaskAsync(campaign, member, department, deadline: "2030-03-01", percent: 40);
        await h.Data.BlockerAsync(overdue, member, "high", SchedulerHarness.Local("2030-03-01T09:00"), ownerId: lead);
        await h.Planner.MaterializeAsync(h.Time.GetUtcNow(), CancellationToken.None);
        await h.EscalationService.CheckAsync(h.Time.GetUtcNow(), CancellationToken.None);
        ReminderComposer composer = Composer(h);

        Dictionary<string, OutgoingMessage?> messages = [];
        foreach (OutboxJob job in await h.Reads.ListAllAsync(CancellationToken.None))
        {
            messages.TryAdd(job.Kind, await composer.ComposeAsync(job, s_english, late: false, h.Time.GetUtcNow(), CancellationToken.None));
        }

        Assert.Contains(s_texts.Get(new TextKey("reminders", "brief-red"), "en-US", ("tasks", await TitleAsync(h, overdue))), messages[OutboxKinds.Reminder]!.Text, StringComparison.Ordinal);
        Assert.Equal([$"report:{overdue}"], messages[OutboxKinds.Nudge]!.Buttons.Select(b => b.Value));
        Assert.Contains("commander", messages[OutboxKinds.Escalation]!.Text, StringComparison.Ordinal);
        Assert.NotNull(messages[OutboxKinds.EscalationNotice]);
    }

    [Fact]
    public async Task ComposeAsync_DigestOfNoticesThatCanWait_ListsTheirFirstLines()
    {
        // Five meeting reminders spend the day's budget (they are never folded); the two escalation notices to the
        // reporter, which can wait, arrive together in the evening digest.
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(SchedulerHarness.Local("2030-03-03T08:00"));
        long campaign = await h.Data.CampaignAsync();
        long department = await h.Data.DepartmentAsync();
        long member = await h.Data.MemberAsync(department);
        long lead = await h.Data.MemberAsync(department);
        await h.Data.RoleAsync(lead, "team_lead", campaign);
        await h.Data.RoleAsync(lead, "commander", campaign);
        long meeting = await h.Data.MeetingAsync(campaign, "FREQ=WEEKLY;BYDAY=MO", "2030-03-04T09:00", offsets: "[1440,1380,1320,1260,1200]");
        await h.Data.AttendeeAsync(meeting, member);
        long task = await h.Data.TaskAsync(campaign, lead, department, deadline: "2030-12-31", percent: 50);
        await h.Data.BlockerAsync(task, member, "high", SchedulerHarness.Local("2030-02-25T09:00"), ownerId: lead);
        await h.Data.BlockerAsync(task, member, "high", SchedulerHarness.Local("2030-02-25T10:00"), ownerId: lead);
        await h.Planner.MaterializeAsync(h.Time.GetUtcNow(), CancellationToken.None);
        OutboxDispatcher dispatcher = h.NewDispatcher();
        h.Time.SetUtcNow(SchedulerHarness.Local("2030-03-03T13:00"));
        for (int i = 0; i < 10; i++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        await h.EscalationService.CheckAsync(h.Time.GetUtcNow(), CancellationToken.None);
        h.Time.SetUtcNow(SchedulerHarness.Local("2030-03-03T17:30"));
        for (int i = 0; i < 10; i++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(5, h.Delivery.Delivered.Count(c => c.Job.Kind == OutboxKinds.Reminder));
        OutboxJob digest = Assert.Single(h.Delivery.Delivered, c => c.Job.Kind == OutboxKinds.Digest).Job;
        int items = System.Text.Json.JsonDocument.Parse(digest.Payload).RootElement.GetProperty("items").GetArrayLength();
        OutgoingMessage? message = await Composer(h).ComposeAsync(digest, s_english, late: false, h.Time.GetUtcNow(), CancellationToken.None);

        Assert.True(items >= 2, $"{items} items");
        Assert.All(
            (await h.Reads.ListAllAsync(CancellationToken.None)).Where(j => j.State == OutboxState.Digested),
            j => Assert.True(NoiseBudget.CanWait(j), j.Kind));
        Assert.StartsWith(s_texts.Get(new TextKey("reminders", "digest-heading"), "en-US", ("count", items)), message!.Text, StringComparison.Ordinal);
    }

    private static Task<string> TitleAsync(SchedulerHarness h, long taskId) =>
        h.Data.ScalarAsync<string>("SELECT TitleEn FROM Tasks WHERE Id = @Id", new { Id = taskId });
}
