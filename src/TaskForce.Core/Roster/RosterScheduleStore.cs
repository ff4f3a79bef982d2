using Dapper;
using Microsoft.Data.Sqlite;

namespace TaskForce.Core.Roster;

/// <summary>Meetings with their attendees, and the working calendar, as the roster import sees them.</summary>
internal static class RosterScheduleStore
{
    public static async Task<Dictionary<string, MeetingRow>> LoadMeetingsAsync(
        SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT m.Key, c.Key AS Campaign, m.Title, m.TitleEn, m.RRule, m.StartLocal, m.TimeZone, m.DurationMinutes, m.Location,
                   m.HolidayPolicy, m.ReminderOffsets, m.CancelledAtMs, m.CancelledBy
            FROM Meetings m JOIN Campaigns c ON c.Id = m.CampaignId;
            """;
        // Only the roster's own exceptions: those added with `meetings cancel --on` are not the file's to compare or remove.
        const string ExceptionsSql = """
            SELECT m.Key AS Meeting, e.LocalDate
            FROM MeetingExceptions e JOIN Meetings m ON m.Id = e.MeetingId WHERE e.Source = 'roster';
            """;
        const string AttendeesSql = """
            SELECT m.Key AS Meeting, p.Key AS Member, a.Role
            FROM MeetingAttendees a JOIN Meetings m ON m.Id = a.MeetingId LEFT JOIN Members p ON p.Id = a.MemberId;
            """;
        IEnumerable<MeetingData> rows = await connection.QueryAsync<MeetingData>(
            new CommandDefinition(Sql, transaction: transaction, cancellationToken: cancellationToken));
        ILookup<string, RosterAttendee> attendees = (await connection.QueryAsync<AttendeeRow>(
            new CommandDefinition(AttendeesSql, transaction: transaction, cancellationToken: cancellationToken)))
            .ToLookup(a => a.Meeting, a => new RosterAttendee(a.Member, a.Role), StringComparer.Ordinal);
        ILookup<string, string> exceptions = (await connection.QueryAsync<(string Meeting, string LocalDate)>(
            new CommandDefinition(ExceptionsSql, transaction: transaction, cancellationToken: cancellationToken)))
            .ToLookup(e => e.Meeting, e => e.LocalDate, StringComparer.Ordinal);
        return rows.ToDictionary(
            r => r.Key,
            r => new MeetingRow(
                r.Key, r.Campaign, r.Title, r.TitleEn, r.RRule, r.StartLocal, r.TimeZone, r.DurationMinutes, r.Location, r.HolidayPolicy,
                r.ReminderOffsets, AttendeesJson(attendees[r.Key]), r.CancelledByRoster ? 1 : 0, ExceptionsJson(exceptions[r.Key])),
            StringComparer.Ordinal);
    }

    public static string ExceptionsJson(IEnumerable<string> localDates) => RosterJson.Serialize(localDates.Distinct().Order(StringComparer.Ordinal));

    public static string AttendeesJson(IEnumerable<RosterAttendee> attendees) =>
        RosterJson.Serialize(attendees.Select(a => a.Member is null ? $"role:{a.Role}" : $"member:{a.Member}").Distinct().Order(StringComparer.Ordinal));

    public static async Task<Dictionary<string, CalendarDayRow>> LoadCalendarAsync(
        SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT Date, Kind, Name FROM CalendarDays;";
        IEnumerable<CalendarDayRow> rows = await connection.QueryAsync<CalendarDayRow>(
            new CommandDefinition(Sql, transaction: transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Date, StringComparer.Ordinal);
    }

    /// <summary>
    /// Inserts or updates a meeting; an update bumps Version so reminders planned for the old schedule can be voided.
    /// The file's <c>cancelled</c> sets CancelledAtMs (keeping an earlier time) or clears it when the roster had set it;
    /// a cancellation made with the command line is left alone. Likewise only the roster's exceptions are replaced.
    /// </summary>
    public static async Task UpsertMeetingAsync(
        SqliteConnection connection, SqliteTransaction transaction, MeetingRow row, IReadOnlyList<RosterAttendee> attendees, IReadOnlyList<string> exceptions,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO Meetings (CampaignId, Key, Title, TitleEn, RRule, StartLocal, TimeZone, DurationMinutes, Location, HolidayPolicy, ReminderOffsets,
                                  CancelledAtMs, CancelledBy)
            VALUES ((SELECT Id FROM Campaigns WHERE Key = @Campaign), @Key, @Title, @TitleEn, @RRule, @StartLocal, @TimeZone, @DurationMinutes,
                    @Location, @HolidayPolicy, @ReminderOffsets,
                    CASE WHEN @Cancelled = 1 THEN @NowMs END, CASE WHEN @Cancelled = 1 THEN 'roster' END)
            ON CONFLICT (Key) DO UPDATE SET CampaignId = excluded.CampaignId, Title = excluded.Title, TitleEn = excluded.TitleEn,
                RRule = excluded.RRule, StartLocal = excluded.StartLocal, TimeZone = excluded.TimeZone,
                DurationMinutes = excluded.DurationMinutes, Location = excluded.Location, HolidayPolicy = excluded.HolidayPolicy,
                ReminderOffsets = excluded.ReminderOffsets, Version = Version + 1,
                CancelledAtMs = CASE WHEN excluded.CancelledBy = 'roster' THEN COALESCE(CancelledAtMs, excluded.CancelledAtMs)
                                     WHEN CancelledBy = 'roster' THEN NULL ELSE CancelledAtMs END,
                CancelledBy = CASE WHEN excluded.CancelledBy = 'roster' THEN 'roster' WHEN CancelledBy = 'roster' THEN NULL ELSE CancelledBy END;
            """;
        const string DeleteExceptionsSql = """
            DELETE FROM MeetingExceptions WHERE MeetingId = (SELECT Id FROM Meetings WHERE Key = @Key) AND Source = 'roster';
            """;
        const string InsertExceptionSql = """
            INSERT INTO MeetingExceptions (MeetingId, LocalDate, Source, CreatedAtMs)
            VALUES ((SELECT Id FROM Meetings WHERE Key = @Meeting), @LocalDate, 'roster', @NowMs)
            ON CONFLICT (MeetingId, LocalDate) DO UPDATE SET Source = 'roster';
            """;
        const string DeleteAttendeesSql = "DELETE FROM MeetingAttendees WHERE MeetingId = (SELECT Id FROM Meetings WHERE Key = @Key);";
        const string InsertAttendeeSql = """
            INSERT OR IGNORE INTO MeetingAttendees (MeetingId, MemberId, Role)
            VALUES ((SELECT Id FROM Meetings WHERE Key = @Meeting), (SELECT Id FROM Members WHERE Key = @Member), @Role);
            """;
        long nowMs = now.ToUnixTimeMilliseconds();
        var args = new DynamicParameters(row);
        args.Add("NowMs", nowMs);
        await connection.ExecuteAsync(new CommandDefinition(Sql, args, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(DeleteAttendeesSql, new { row.Key }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            InsertAttendeeSql, attendees.Select(a => new { Meeting = row.Key, a.Member, a.Role }), transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(DeleteExceptionsSql, new { row.Key }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            InsertExceptionSql, exceptions.Select(date => new { Meeting = row.Key, LocalDate = date, NowMs = nowMs }), transaction, cancellationToken: cancellationToken));
    }

    public static Task UpsertCalendarDayAsync(
        SqliteConnection connection, SqliteTransaction transaction, CalendarDayRow row, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO CalendarDays (Date, Kind, Name) VALUES (@Date, @Kind, @Name)
            ON CONFLICT (Date) DO UPDATE SET Kind = excluded.Kind, Name = excluded.Name;
            """;
        return connection.ExecuteAsync(new CommandDefinition(Sql, row, transaction, cancellationToken: cancellationToken));
    }

    internal sealed record MeetingRow(
        string Key, string Campaign, string Title, string? TitleEn, string RRule, string StartLocal, string TimeZone, long DurationMinutes,
        string? Location, string HolidayPolicy, string ReminderOffsets, string Attendees, long Cancelled, string Exceptions);

    internal sealed record CalendarDayRow(string Date, string Kind, string Name);

    private sealed record MeetingData(
        string Key, string Campaign, string Title, string? TitleEn, string RRule, string StartLocal, string TimeZone, long DurationMinutes,
        string? Location, string HolidayPolicy, string ReminderOffsets, long? CancelledAtMs, string? CancelledBy)
    {
        /// <summary>Only the roster's own cancellation is compared with the file; one made with the command line is not the file's business.</summary>
        public bool CancelledByRoster => CancelledAtMs is not null && CancelledBy == "roster";
    }

    private sealed record AttendeeRow(string Meeting, string? Member, string? Role);
}
