using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Storage;

namespace TaskForce.Tests.Core.Scheduling;

/// <summary>Rows the roster importer would write, inserted straight into the schema with sensible defaults.</summary>
internal sealed class SchedulerTestData(SqliteConnectionFactory connections)
{
    private int _sequence;

    public async Task<long> DepartmentAsync()
    {
        int n = Interlocked.Increment(ref _sequence);
        return await InsertAsync("INSERT INTO Departments (Key, Name) VALUES (@Key, @Key) RETURNING Id;", new { Key = $"dept-{n}" });
    }

    public async Task<long> CampaignAsync(string name = "Ocean")
    {
        int n = Interlocked.Increment(ref _sequence);
        return await InsertAsync("INSERT INTO Campaigns (Key, Name, NameEn) VALUES (@Key, @Name, @Name) RETURNING Id;", new { Key = $"campaign-{n}", Name = name });
    }

    public async Task<long> MemberAsync(long? departmentId = null, string locale = "zh-CN", string timeZone = "Asia/Shanghai")
    {
        int n = Interlocked.Increment(ref _sequence);
        return await InsertAsync(
            "INSERT INTO Members (Key, Name, NameEn, DepartmentId, Locale, TimeZone) VALUES (@Key, @Key, @Key, @DepartmentId, @Locale, @TimeZone) RETURNING Id;",
            new { Key = $"member-{n}", DepartmentId = departmentId, Locale = locale, TimeZone = timeZone });
    }

    public Task<long> RoleAsync(long memberId, string role, long? campaignId) =>
        InsertAsync("INSERT INTO MemberRoles (MemberId, Role, CampaignId) VALUES (@MemberId, @Role, @CampaignId) RETURNING Id;", new { MemberId = memberId, Role = role, CampaignId = campaignId });

    public async Task<long> MeetingAsync(
        long campaignId, string rrule, string startLocal, string offsets = "[1440,30]", string holidayPolicy = "skip", string timeZone = "Asia/Shanghai")
    {
        int n = Interlocked.Increment(ref _sequence);
        return await InsertAsync(
            """
            INSERT INTO Meetings (CampaignId, Key, Title, TitleEn, RRule, StartLocal, TimeZone, DurationMinutes, Location, HolidayPolicy, ReminderOffsets)
            VALUES (@CampaignId, @Key, @Key, @Key, @RRule, @StartLocal, @TimeZone, 60, 'Room 301', @HolidayPolicy, @Offsets) RETURNING Id;
            """,
            new { CampaignId = campaignId, Key = $"meeting-{n}", RRule = rrule, StartLocal = startLocal, TimeZone = timeZone, HolidayPolicy = holidayPolicy, Offsets = offsets });
    }

    public Task<long> AttendeeAsync(long meetingId, long? memberId = null, string? role = null) =>
        InsertAsync("INSERT INTO MeetingAttendees (MeetingId, MemberId, Role) VALUES (@MeetingId, @MemberId, @Role) RETURNING Id;", new { MeetingId = meetingId, MemberId = memberId, Role = role });

    public Task DayAsync(string date, string kind) =>
        ExecuteAsync("INSERT INTO CalendarDays (Date, Kind, Name) VALUES (@Date, @Kind, @Kind);", new { Date = date, Kind = kind });

    public async Task<long> TaskAsync(
        long campaignId, long ownerId, long departmentId, long? battleId = null, long? latestReportAtMs = null,
        string start = "2030-01-01", string deadline = "2030-12-31", int? percent = null)
    {
        int n = Interlocked.Increment(ref _sequence);
        return await InsertAsync(
            """
            INSERT INTO Tasks (CampaignId, BattleId, Key, Title, TitleEn, OwnerMemberId, DepartmentId, StartDate, Deadline, LatestPercent, LatestReportAtMs)
            VALUES (@CampaignId, @BattleId, @Key, @Key, @Key, @OwnerId, @DepartmentId, @Start, @Deadline, @Percent, @ReportMs) RETURNING Id;
            """,
            new { CampaignId = campaignId, BattleId = battleId, Key = $"task-{n}", OwnerId = ownerId, DepartmentId = departmentId, Start = start, Deadline = deadline, Percent = percent, ReportMs = latestReportAtMs });
    }

    public async Task<long> BattleAsync(long campaignId, long? leaderMemberId)
    {
        int n = Interlocked.Increment(ref _sequence);
        return await InsertAsync(
            "INSERT INTO Battles (CampaignId, Key, Name, LeaderMemberId) VALUES (@CampaignId, @Key, @Key, @Leader) RETURNING Id;",
            new { CampaignId = campaignId, Key = $"battle-{n}", Leader = leaderMemberId });
    }

    public Task<long> BlockerAsync(
        long taskId, long raisedBy, string severity, DateTimeOffset levelSince, int level = 0, long? ownerId = null,
        string state = "open", DateTimeOffset? acknowledgedAt = null) =>
        InsertAsync(
            """
            INSERT INTO Blockers (TaskId, RaisedByMemberId, Text, Severity, Level, OwnerMemberId, State, RaisedAtMs, LevelSinceMs, AcknowledgedAtMs)
            VALUES (@TaskId, @RaisedBy, 'permit pending', @Severity, @Level, @OwnerId, @State, @SinceMs, @SinceMs, @AckMs) RETURNING Id;
            """,
            new { TaskId = taskId, RaisedBy = raisedBy, Severity = severity, Level = level, OwnerId = ownerId, State = state, SinceMs = levelSince.ToUnixTimeMilliseconds(), AckMs = acknowledgedAt?.ToUnixTimeMilliseconds() });

    public async Task<long> ConversationAsync(long memberId)
    {
        int n = Interlocked.Increment(ref _sequence);
        return await InsertAsync(
            """
            INSERT INTO ConversationReferences (ChannelId, ConversationId, UserId, MemberId, ServiceUrl, Reference, UpdatedAtMs)
            VALUES ('msteams', @Conversation, @Conversation, @MemberId, 'https://smba.trafficmanager.net/cn/', '{}', 0) RETURNING Id;
            """,
            new { Conversation = $"a:{n}", MemberId = memberId });
    }

    public async Task ExecuteAsync(string sql, object? args = null)
    {
        await using SqliteConnection connection = await connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql, args);
    }

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using SqliteConnection connection = await connections.OpenAsync(CancellationToken.None);
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }

    private async Task<long> InsertAsync(string sql, object args)
    {
        await using SqliteConnection connection = await connections.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }
}
