using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Meetings;

/// <summary>Reads meetings, their attendees (by member or by role in the meeting's campaign) and decided items.</summary>
public sealed class MeetingStore(Database db)
{
    private const string MeetingColumns = """
        Id, CampaignId, Key, Title, TitleEn, RRule, StartLocal, TimeZone, DurationMinutes, Location,
        HolidayPolicy, ReminderOffsets, CancelledAtMs, Version
        """;

    /// <summary>Every meeting, cancelled ones included (their pending reminders must be voided).</summary>
    public async Task<IReadOnlyList<Meeting>> ListAsync(CancellationToken cancellationToken)
    {
        const string Sql = "SELECT " + MeetingColumns + " FROM Meetings ORDER BY Id;";
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        IEnumerable<MeetingRow> rows = await connection.QueryAsync<MeetingRow>(new CommandDefinition(Sql, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToMeeting())];
    }

    public async Task<Meeting?> GetAsync(long id, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT " + MeetingColumns + " FROM Meetings WHERE Id = @Id;";
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        MeetingRow? row = await connection.QuerySingleOrDefaultAsync<MeetingRow>(new CommandDefinition(Sql, new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToMeeting();
    }

    public async Task<Meeting?> GetByKeyAsync(string key, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT " + MeetingColumns + " FROM Meetings WHERE Key = @Key;";
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        MeetingRow? row = await connection.QuerySingleOrDefaultAsync<MeetingRow>(new CommandDefinition(Sql, new { Key = key }, cancellationToken: cancellationToken));
        return row?.ToMeeting();
    }

    /// <summary>Active members named on the roster of the meeting, directly or through a role in its campaign.</summary>
    public async Task<IReadOnlyList<Attendee>> AttendeesAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        const string Sql = """
            SELECT m.Id AS MemberId, m.Name, m.NameEn, m.Locale, m.TimeZone
            FROM Members m
            WHERE m.Active = 1 AND m.Id IN (
                SELECT a.MemberId FROM MeetingAttendees a WHERE a.MeetingId = @MeetingId AND a.MemberId IS NOT NULL
                UNION
                SELECT r.MemberId FROM MeetingAttendees a
                JOIN MemberRoles r ON r.Role = a.Role AND r.CampaignId = @CampaignId
                WHERE a.MeetingId = @MeetingId AND a.Role IS NOT NULL)
            ORDER BY m.Id;
            """;
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        IEnumerable<Attendee> rows = await connection.QueryAsync<Attendee>(new CommandDefinition(
            Sql, new { MeetingId = meeting.Id, meeting.CampaignId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Items decided at the occurrence that started at <paramref name="occurrenceStart"/>.</summary>
    public async Task<IReadOnlyList<MeetingDecision>> DecisionsAsync(
        long meetingId, DateTimeOffset occurrenceStart, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT Id, Text, OwnerMemberId, DueDate, DoneAtMs
            FROM MeetingDecisions WHERE MeetingId = @MeetingId AND OccurrenceStartMs = @StartMs ORDER BY Id;
            """;
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        IEnumerable<DecisionRow> rows = await connection.QueryAsync<DecisionRow>(new CommandDefinition(
            Sql, new { MeetingId = meetingId, StartMs = occurrenceStart.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new MeetingDecision(r.Id, r.Text, r.OwnerMemberId, r.DueDate, r.DoneAtMs is not null))];
    }

    /// <summary>Open tasks of a member in a campaign with no report since <paramref name="since"/> (none at all counts).</summary>
    public async Task<IReadOnlyList<long>> UnreportedTaskIdsAsync(
        long campaignId, long memberId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT Id FROM Tasks
            WHERE OwnerMemberId = @MemberId AND CampaignId = @CampaignId AND ClosedAtMs IS NULL
              AND (LatestReportAtMs IS NULL OR LatestReportAtMs < @SinceMs)
            ORDER BY Deadline, Id;
            """;
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        IEnumerable<long> ids = await connection.QueryAsync<long>(new CommandDefinition(
            Sql, new { MemberId = memberId, CampaignId = campaignId, SinceMs = since.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        return [.. ids];
    }

    private sealed record DecisionRow(long Id, string Text, long? OwnerMemberId, string? DueDate, long? DoneAtMs);

    private sealed record MeetingRow(
        long Id, long CampaignId, string Key, string Title, string? TitleEn, string RRule, string StartLocal, string TimeZone,
        long DurationMinutes, string? Location, string HolidayPolicy, string ReminderOffsets, long? CancelledAtMs, long Version)
    {
        public Meeting ToMeeting() => new(
            Id,
            CampaignId,
            Key,
            Title,
            TitleEn,
            RRule,
            DateTime.ParseExact(StartLocal, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None),
            TimeZone,
            (int)DurationMinutes,
            Location,
            HolidayPolicy switch
            {
                "next_workday" => Meetings.HolidayPolicy.NextWorkday,
                "keep" => Meetings.HolidayPolicy.Keep,
                _ => Meetings.HolidayPolicy.Skip,
            },
            JsonSerializer.Deserialize<int[]>(ReminderOffsets) ?? [],
            CancelledAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
            (int)Version);
    }
}
