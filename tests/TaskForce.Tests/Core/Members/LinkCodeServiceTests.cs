using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TaskForce.Core.Members;
using TaskForce.Tests.Core.Roster;

namespace TaskForce.Tests.Core.Members;

public sealed class LinkCodeServiceTests
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RedeemAsync_FreshAccountPerGuessPastGlobalLimit_RefusesEveryoneEvenTheRightCode()
    {
        await using TempDatabase db = await CreateAsync();
        LinkCodeService service = Service(db, new FakeTimeProvider(s_start));
        string code = await IssueAsync(db, service);

        await GuessWrongAsync(db, service, code, 20, i => Stranger(i));
        LinkResult wrong = await RedeemAsync(db, service, Stranger(100), Wrong(code, 100));
        LinkResult right = await RedeemAsync(db, service, Stranger(101), code);

        Assert.Equal(LinkOutcome.Paused, wrong.Outcome);
        Assert.Equal(LinkOutcome.Paused, right.Outcome);
        Assert.Equal(TimeSpan.FromHours(1), right.RetryAfter);
        Assert.Equal(0, await ScalarAsync(db, "SELECT COUNT(*) FROM MemberAccounts;"));
        Assert.Equal(20, await ScalarAsync(db, "SELECT COUNT(*) FROM LinkAttempts;"));
        Assert.Equal(2, await ScalarAsync(db, "SELECT Refused FROM LinkLockouts;"));
    }

    [Fact]
    public async Task RedeemAsync_GlobalLockoutEnded_RightCodeLinks()
    {
        await using TempDatabase db = await CreateAsync();
        var time = new FakeTimeProvider(s_start);
        LinkCodeService service = Service(db, time);
        string code = await IssueAsync(db, service);
        await GuessWrongAsync(db, service, code, 20, i => Stranger(i));

        time.Advance(TimeSpan.FromHours(1));
        LinkResult right = await RedeemAsync(db, service, Stranger(101), code);

        Assert.Equal(LinkOutcome.Linked, right.Outcome);
    }

    [Fact]
    public async Task RedeemAsync_LockoutStarted_HoldsForAnotherInstanceOnTheSameFile()
    {
        await using TempDatabase db = await CreateAsync();
        var time = new FakeTimeProvider(s_start);
        LinkCodeService first = Service(db, time);
        string code = await IssueAsync(db, first);
        await GuessWrongAsync(db, first, code, 20, i => Stranger(i));
        LinkCodeService restarted = Service(db, time);

        LinkResult right = await RedeemAsync(db, restarted, Stranger(101), code);

        Assert.Equal(LinkOutcome.Paused, right.Outcome);
    }

    [Fact]
    public async Task RedeemAsync_LockoutStarted_LogsWarningWithoutAnyCode()
    {
        await using TempDatabase db = await CreateAsync();
        var logger = new ListLogger();
        LinkCodeService service = Service(db, new FakeTimeProvider(s_start), logger: logger);
        string code = await IssueAsync(db, service);

        await GuessWrongAsync(db, service, code, 20, i => Stranger(i));

        (LogLevel level, int eventId, string message) = Assert.Single(logger.Entries, e => e.EventId == 2130);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("20 failed attempts", message, StringComparison.Ordinal);
        Assert.DoesNotContain(logger.Entries, e => e.Message.Contains(code, StringComparison.Ordinal) || e.Message.Contains(Wrong(code, 0), StringComparison.Ordinal));
    }

    [Fact]
    public async Task RedeemAsync_OneConversationManyAccounts_RefusedAfterConversationLimit()
    {
        await using TempDatabase db = await CreateAsync();
        LinkCodeService service = Service(db, new FakeTimeProvider(s_start));
        string code = await IssueAsync(db, service);

        await GuessWrongAsync(db, service, code, 10, i => new LinkRequester("msteams", "group-chat", $"29:rotated-{i}", null));
        LinkResult sameConversation = await RedeemAsync(db, service, new LinkRequester("msteams", "group-chat", "29:rotated-99", null), code);
        LinkResult otherConversation = await RedeemAsync(db, service, Stranger(99), Wrong(code, 99));

        Assert.Equal(LinkOutcome.TooManyAttempts, sameConversation.Outcome);
        Assert.Equal(LinkOutcome.Invalid, otherConversation.Outcome);
    }

    [Fact]
    public async Task RedeemAsync_AccountLockExpired_RightCodeLinks()
    {
        await using TempDatabase db = await CreateAsync();
        var time = new FakeTimeProvider(s_start);
        LinkCodeService service = Service(db, time);
        string code = await IssueAsync(db, service);
        LinkRequester phone = Stranger(1);
        await GuessWrongAsync(db, service, code, 5, _ => phone);

        LinkResult locked = await RedeemAsync(db, service, phone, code);
        time.Advance(TimeSpan.FromMinutes(15));
        LinkResult afterLock = await RedeemAsync(db, service, phone, code);

        Assert.Equal(LinkOutcome.TooManyAttempts, locked.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(15), locked.RetryAfter);
        Assert.Equal(LinkOutcome.Linked, afterLock.Outcome);
        Assert.Equal(1, await ScalarAsync(db, "SELECT COUNT(*) FROM MemberAccounts WHERE UserId = '29:stranger-1';"));
    }

    [Fact]
    public async Task RedeemAsync_FailuresSinceIssueReachCodeLimit_CodeWithdrawnAndANewCodeLinks()
    {
        await using TempDatabase db = await CreateAsync();
        var time = new FakeTimeProvider(s_start);
        var logger = new ListLogger();
        var options = new LinkCodeOptions { GlobalMaxFailedAttempts = 5, GlobalWindow = TimeSpan.FromMinutes(1), GlobalLockout = TimeSpan.FromMinutes(1), MaxFailedAttemptsPerCode = 8 };
        LinkCodeService service = Service(db, time, options, logger);
        string code = await IssueAsync(db, service);
        await GuessWrongAsync(db, service, code, 5, i => Stranger(i));
        time.Advance(TimeSpan.FromMinutes(1));
        await GuessWrongAsync(db, service, code, 3, i => Stranger(10 + i));

        LinkResult withdrawn = await RedeemAsync(db, service, Stranger(50), code);
        string reissued = await IssueAsync(db, service);
        LinkResult linked = await RedeemAsync(db, service, Stranger(51), reissued);

        Assert.Equal(LinkOutcome.Withdrawn, withdrawn.Outcome);
        Assert.Equal(LinkOutcome.Linked, linked.Outcome);
        Assert.Contains(logger.Entries, e => e.EventId == 2131 && e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task GetStatusAsync_DuringLockout_ReportsLockFailuresAndRefusals()
    {
        await using TempDatabase db = await CreateAsync();
        LinkCodeService service = Service(db, new FakeTimeProvider(s_start));
        string code = await IssueAsync(db, service);
        await GuessWrongAsync(db, service, code, 20, i => Stranger(i));
        await RedeemAsync(db, service, Stranger(100), code);

        LinkGuardStatus status = await service.GetStatusAsync(CancellationToken.None);

        Assert.Equal(
            "Link codes: LOCKED until 2026-11-30 03:00 UTC (20 failed attempts; refused since: 1). "
            + "Failed attempts in the last 01:00:00: 20 (lockout at 20). Codes outstanding: 1; voided after too many wrong codes: 0.",
            status.Describe());
    }

    private static async Task<TempDatabase> CreateAsync()
    {
        TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);
        return db;
    }

    private static LinkCodeService Service(TempDatabase db, TimeProvider time, LinkCodeOptions? options = null, ILogger<LinkCodeService>? logger = null) =>
        new(db.Database, time, Microsoft.Extensions.Options.Options.Create(options ?? new LinkCodeOptions()), logger ?? new ListLogger());

    private static async Task<string> IssueAsync(TempDatabase db, LinkCodeService service)
    {
        long alice = await ScalarAsync(db, "SELECT Id FROM Members WHERE Key = 'alice';");
        (string code, _) = await service.IssueAsync(alice, "test", CancellationToken.None);
        return code;
    }

    private static Task<LinkResult> RedeemAsync(TempDatabase db, LinkCodeService service, LinkRequester requester, string code) =>
        db.Database.WriteAsync(session => service.RedeemAsync(session, requester, code, CancellationToken.None), CancellationToken.None);

    private static async Task GuessWrongAsync(TempDatabase db, LinkCodeService service, string code, int count, Func<int, LinkRequester> requester)
    {
        for (int i = 0; i < count; i++)
        {
            LinkResult result = await RedeemAsync(db, service, requester(i), Wrong(code, i));
            Assert.Equal(LinkOutcome.Invalid, result.Outcome);
        }
    }

    private static LinkRequester Stranger(int i) => new("msteams", $"a:29:stranger-{i}", $"29:stranger-{i}", null);

    /// <summary>An eight-digit code that is not <paramref name="code"/>.</summary>
    private static string Wrong(string code, int i) =>
        ((long.Parse(code, CultureInfo.InvariantCulture) + 1 + i) % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    private static async Task<long> ScalarAsync(TempDatabase db, string sql)
    {
        await using SqliteConnection connection = await db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private sealed class ListLogger : ILogger<LinkCodeService>
    {
        public List<(LogLevel Level, int EventId, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, eventId.Id, formatter(state, exception)));
    }
}
