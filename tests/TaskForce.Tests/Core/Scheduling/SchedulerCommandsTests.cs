using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TaskForce.Bot.Cli;
using TaskForce.Core;
using TaskForce.Core.Outbox;
using TaskForce.Core.Scheduling;

namespace TaskForce.Tests.Core.Scheduling;

public sealed class SchedulerCommandsTests
{
    private static ServiceProvider Services(SchedulerHarness h)
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = h.StorageOptions.ConnectionString })
            .Build();
        return new ServiceCollection()
            .AddSingleton(configuration)
            .AddSingleton<TimeProvider>(h.Time)
            .AddLogging()
            .AddCore()
            .BuildServiceProvider();
    }

    [Fact]
    public async Task RemindNow_KnownMeetingInTwoMinutes_QueuesDemoReminderPerAttendee()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(SchedulerHarness.Local("2030-03-01T08:00"));
        long campaign = await h.Data.CampaignAsync();
        long meeting = await h.Data.MeetingAsync(campaign, "FREQ=WEEKLY;BYDAY=MO", "2030-03-04T09:00");
        await h.Data.AttendeeAsync(meeting, await h.Data.MemberAsync());
        await h.Data.AttendeeAsync(meeting, await h.Data.MemberAsync());
        string key = await h.Data.ScalarAsync<string>("SELECT Key FROM Meetings WHERE Id = @Id", new { Id = meeting });
        await using ServiceProvider services = Services(h);

        int exit = await MeetingsCommand.Create(services).Parse(["remind-now", key, "--in", "2m"]).InvokeAsync();
        int listed = await MeetingsCommand.Create(services).Parse([]).InvokeAsync();
        int outbox = await OutboxCommand.Create(services).Parse(["--state", "pending"]).InvokeAsync();

        Assert.Equal((0, 0, 0), (exit, listed, outbox));
        IReadOnlyList<OutboxJob> jobs = await h.Reads.ListAllAsync(CancellationToken.None);
        Assert.Equal(2, jobs.Count(j => j.IdempotencyKey.StartsWith(ReminderKeys.DemoPrefix, StringComparison.Ordinal) && j.DueAt == h.Time.GetUtcNow().AddMinutes(2)));
    }

    [Fact]
    public async Task RemindNow_UnknownMeeting_ExitsWithOne()
    {
        await using SchedulerHarness h = await SchedulerHarness.CreateAsync(SchedulerHarness.Local("2030-03-01T08:00"));
        await using ServiceProvider services = Services(h);

        int exit = await MeetingsCommand.Create(services).Parse(["remind-now", "nope"]).InvokeAsync();

        Assert.Equal(1, exit);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("2m", 120)]
    [InlineData("1h", 3600)]
    [InlineData("00:05:00", 300)]
    public void TryParseDelay_KnownForms_Parse(string text, int seconds)
    {
        Assert.True(MeetingsCommand.TryParseDelay(text, out TimeSpan delay));
        Assert.Equal(TimeSpan.FromSeconds(seconds), delay);
    }

    [Fact]
    public void TryParseDelay_Garbage_Fails() => Assert.False(MeetingsCommand.TryParseDelay("soon", out _));

    [Fact]
    public void AddOutboxDispatch_WithDelivery_AllSchedulerServicesResolve()
    {
        FakeTimeProvider time = new();
        IConfiguration configuration = new ConfigurationBuilder().Build();
        using ServiceProvider services = new ServiceCollection()
            .AddSingleton(configuration)
            .AddSingleton<TimeProvider>(time)
            .AddLogging()
            .AddCore()
            .AddOutboxDispatch<RecordingDelivery>()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.NotNull(services.GetRequiredService<OutboxDispatcher>());
        Assert.NotNull(services.GetRequiredService<ReminderPlanner>());
    }
}
