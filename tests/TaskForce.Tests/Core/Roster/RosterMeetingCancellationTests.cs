using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TaskForce.Core.Calendar;
using TaskForce.Core.Meetings;
using TaskForce.Core.Roster;

namespace TaskForce.Tests.Core.Roster;

/// <summary>The meetings' <c>cancelled</c> and <c>exceptions</c> fields, and how imports treat cancellations made with the command line.</summary>
public sealed class RosterMeetingCancellationTests
{
    private const string MeetingLine = "durationMinutes: 60";

    [Theory]
    [InlineData("2026-09-15", "meetings[0].exceptions[1]", "2026-09-15 is not an occurrence of 'FREQ=WEEKLY;BYDAY=MO' starting 2026-09-07T09:00")]
    [InlineData("2026-08-31", "meetings[0].exceptions[1]", "2026-08-31 is not an occurrence of")]
    [InlineData("2026-9-21", "meetings[0].exceptions[1]", "'2026-9-21' is not a date in the form yyyy-MM-dd")]
    [InlineData("2026-09-14", "meetings[0].exceptions[1]", "2026-09-14 is listed twice")]
    [InlineData("{ on: 2026-09-21 }", "meetings[0].exceptions[1]", "expected a date in the form yyyy-MM-dd")]
    public async Task ImportAsync_BadException_NamesFileLineAndItemAndWritesNothing(string date, string field, string message)
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);
        (string Hash, string Dump) before = await RosterTestData.FingerprintAsync(db);
        string bad = WithMeetingLines($"exceptions:\n      - 2026-09-14\n      - {date}");

        RosterImportResult result = await RosterTestData.ImportTextAsync(db, bad, "bad.yaml");

        RosterError error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(bad, $"- {date}", last: true), error.Line);
        Assert.Equal(before, await RosterTestData.FingerprintAsync(db));
    }

    [Fact]
    public async Task ImportAsync_CancelledNotTrueOrFalse_ErrorOnItsLine()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        string bad = WithMeetingLines("cancelled: maybe");

        RosterImportResult result = await RosterTestData.ImportTextAsync(db, bad, "bad.yaml");

        RosterError error = Assert.Single(result.Errors);
        Assert.Equal(("meetings[0].cancelled", LineOf(bad, "cancelled: maybe")), (error.Field, error.Line));
    }

    [Fact]
    public async Task ImportAsync_CancelledTrue_StampsImportTimeAndAuditsTheUpdate()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);

        RosterImportResult result = await RosterTestData.ImportTextAsync(db, WithMeetingLines("cancelled: true"));

        Assert.Equal(1, result.Updated["Meeting"]);
        Meeting meeting = await WeeklyAsync(db);
        Assert.Equal((RosterTestData.Now, 2), (meeting.CancelledAt, meeting.Version));
        Assert.Equal(1, await RosterTestData.CountAsync(
            db, "SELECT COUNT(*) FROM AuditLog WHERE Action = 'update' AND Entity = 'Meeting' AND Before LIKE '%\"Cancelled\":0%' AND After LIKE '%\"Cancelled\":1%';"));
    }

    [Fact]
    public async Task ImportAsync_CancelledFileAgain_WritesNothing()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        string cancelled = WithMeetingLines("cancelled: true\n    exceptions: [2026-09-14]");
        await RosterTestData.ImportTextAsync(db, cancelled);
        (string Hash, string Dump) before = await RosterTestData.FingerprintAsync(db);

        RosterImportResult result = await RosterTestData.ImportTextAsync(db, cancelled);

        Assert.True(result.NoChanges);
        Assert.Equal(before, await RosterTestData.FingerprintAsync(db));
    }

    [Fact]
    public async Task ImportAsync_CancelledRemovedFromFile_MeetingTakesPlaceAgain()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, WithMeetingLines("cancelled: true"));

        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);

        Assert.Null((await WeeklyAsync(db)).CancelledAt);
        Assert.Equal(0, await RosterTestData.CountAsync(db, "SELECT COUNT(*) FROM Meetings WHERE CancelledBy IS NOT NULL;"));
    }

    [Fact]
    public async Task ImportAsync_Exceptions_StoredAsTheRostersAndSkippedByTheSchedule()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);

        await RosterTestData.ImportTextAsync(db, WithMeetingLines("exceptions: [2026-09-21, 2026-09-14]"));

        Meeting meeting = await WeeklyAsync(db);
        Assert.Equal([new DateOnly(2026, 9, 14), new DateOnly(2026, 9, 21)], meeting.Exceptions.Order());
        Assert.Equal(2, meeting.Version);
        Assert.Equal(2, await RosterTestData.CountAsync(db, "SELECT COUNT(*) FROM MeetingExceptions WHERE Source = 'roster';"));
        IReadOnlyList<MeetingOccurrence> september = MeetingSchedule.Occurrences(
            meeting, WorkingCalendar.Plain(new()), new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal([7, 28], september.Select(o => o.Start.Day));
    }

    [Fact]
    public async Task ImportAsync_ExceptionDroppedFromFile_RemovesItButKeepsTheCommandLinesOne()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, WithMeetingLines("exceptions: [2026-09-14]"));
        await CancellationService(db).CancelAsync("weekly", new DateOnly(2026, 9, 21), "cli:meetings", CancellationToken.None);

        RosterImportResult result = await RosterTestData.ImportTextAsync(db, RosterTestData.Small);

        Assert.Equal(1, result.Updated["Meeting"]);
        Assert.Equal([new DateOnly(2026, 9, 21)], (await WeeklyAsync(db)).Exceptions);
    }

    [Fact]
    public async Task ImportAsync_MeetingCancelledOnTheCommandLine_UnchangedFileKeepsItCancelledAndWritesNothing()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);
        await CancellationService(db).CancelAsync("weekly", null, "cli:meetings", CancellationToken.None);
        (string Hash, string Dump) before = await RosterTestData.FingerprintAsync(db);

        RosterImportResult result = await RosterTestData.ImportTextAsync(db, RosterTestData.Small);

        Assert.True(result.NoChanges);
        Assert.Equal(before, await RosterTestData.FingerprintAsync(db));
        Assert.NotNull((await WeeklyAsync(db)).CancelledAt);
    }

    [Fact]
    public async Task ImportAsync_FileCancelsAMeetingTheCommandLineCancelled_KeepsTheFirstTimeAndTheFileOwnsIt()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);
        var earlier = new FakeTimeProvider(RosterTestData.Now.AddDays(-1));
        await CancellationService(db, earlier).CancelAsync("weekly", null, "cli:meetings", CancellationToken.None);

        await RosterTestData.ImportTextAsync(db, WithMeetingLines("cancelled: true"));

        Assert.Equal(RosterTestData.Now.AddDays(-1), (await WeeklyAsync(db)).CancelledAt);
        CancellationResult restore = await CancellationService(db).RestoreAsync("weekly", null, "cli:meetings", CancellationToken.None);
        Assert.Equal(CancellationOutcome.CancelledByRoster, restore.Outcome);
    }

    private static string WithMeetingLines(string lines)
    {
        int at = RosterTestData.Small.IndexOf(MeetingLine, StringComparison.Ordinal);
        Assert.True(at >= 0);
        return RosterTestData.Small.Insert(at + MeetingLine.Length, "\n    " + lines);
    }

    private static MeetingCancellation CancellationService(TempDatabase db, TimeProvider? time = null) =>
        new(new MeetingStore(db.Database), new CalendarStore(db.Database, Options.Create(new WorkingCalendarOptions())),
            time ?? new FakeTimeProvider(RosterTestData.Now), NullLogger<MeetingCancellation>.Instance);

    private static async Task<Meeting> WeeklyAsync(TempDatabase db) =>
        await new MeetingStore(db.Database).GetByKeyAsync("weekly", CancellationToken.None) ?? throw new InvalidOperationException("no meeting 'weekly'");

    private static int LineOf(string yaml, string text, bool last = false)
    {
        string[] lines = yaml.Split('\n');
        int index = last
            ? Array.FindLastIndex(lines, l => l.Contains(text, StringComparison.Ordinal))
            : Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        return index + 1;
    }
}
