using TaskForce.Core.Access;
using TaskForce.Core.Language;

namespace TaskForce.Tests.Dialogs.Language;

public sealed class LanguageQueryStoreTests : IAsyncLifetime
{
    private TempDatabase _db = null!;
    private TwoCampaigns _data = null!;

    public async Task InitializeAsync()
    {
        _db = await TempDatabase.CreateMigratedAsync();
        _data = await TwoCampaigns.SeedAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ListReportsSinceAsync_Leader_OnlyReportsOfLedCampaigns()
    {
        var store = new LanguageQueryStore(_db.Connections);

        IReadOnlyList<ReportEntry> reports = await store.ListReportsSinceAsync(
            AccessScope.For(_data.Leader), null, null, TwoCampaigns.Now.AddDays(-7), 50, CancellationToken.None);

        ReportEntry report = Assert.Single(reports);
        Assert.Equal("Pier permit", report.TaskTitle);
    }

    [Fact]
    public async Task ListReportsSinceAsync_OtherCampaignAskedExplicitly_ReturnsNothing()
    {
        var store = new LanguageQueryStore(_db.Connections);

        IReadOnlyList<ReportEntry> reports = await store.ListReportsSinceAsync(
            AccessScope.For(_data.Leader), _data.FashionId, _data.RunwayTaskId, TwoCampaigns.Now.AddDays(-7), 50, CancellationToken.None);

        Assert.Empty(reports);
    }

    [Fact]
    public async Task ListReportsSinceAsync_SinceAfterTheReports_ReturnsNothing()
    {
        var store = new LanguageQueryStore(_db.Connections);

        IReadOnlyList<ReportEntry> reports = await store.ListReportsSinceAsync(
            AccessScope.For(_data.Supervisor), null, null, TwoCampaigns.Now, 50, CancellationToken.None);

        Assert.Empty(reports);
    }

    [Fact]
    public async Task ListMeetingsAsync_Leader_OwnCampaignsMeetingWithItsDecisions()
    {
        var store = new LanguageQueryStore(_db.Connections);

        IReadOnlyList<MeetingEntry> meetings = await store.ListMeetingsAsync(
            AccessScope.For(_data.Leader), null, TwoCampaigns.Now.AddDays(-30), 50, CancellationToken.None);

        MeetingEntry meeting = Assert.Single(meetings);
        Assert.Equal("Ocean weekly", meeting.Title);
        Assert.Equal("Ocean Bureau files the permit by Friday", Assert.Single(meeting.Decisions).Text);
    }

    [Fact]
    public async Task ListMeetingsAsync_Supervisor_SeesBothCampaigns()
    {
        var store = new LanguageQueryStore(_db.Connections);

        IReadOnlyList<MeetingEntry> meetings = await store.ListMeetingsAsync(
            AccessScope.For(_data.Supervisor), null, TwoCampaigns.Now.AddDays(-30), 50, CancellationToken.None);

        Assert.Equal(["Ocean weekly", "Fashion weekly"], meetings.Select(m => m.Title));
    }
}
