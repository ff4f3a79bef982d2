using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Audit;
using TaskForce.Core.Calendar;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Meetings;

/// <summary>Reads meetings, their attendees (by member or by role in the meeting's campaign) and decided items.</summary>
public sealed class MeetingStore(Database db)
{
    private const string MeetingColumns = """
        Id, CampaignId, Key, Title, TitleEn, RRule, StartLocal, TimeZone, DurationMinutes, Location,
        HolidayPolicy, ReminderOffsets, CancelledAtMs, Version
        """;

    /// <summary>Active members on the meeting's roster, named directly or through a role in its campaign (@MeetingId, @CampaignId).</summary>
    private const string AttendeeFilter = """
        WHERE m.Active = 1 AND m.Id IN (
            SELECT a.MemberId FROM MeetingAttendees a WHERE a.MeetingId = @MeetingId AND a.MemberId IS NOT NULL
            UNION
            SELECT r.MemberId FROM MeetingAttendees a
            JOIN MemberRoles r ON r.Role = a.Role AND r.CampaignId = @CampaignId
            WHERE a.MeetingId = @MeetingId AND a.Role IS NOT NULL)
        """;

    /// <summary>Every meeting, cancelled ones included (their pending reminders must be voided).</summary>
    public async Task<IReadOnlyList<Meeting>> ListAsync(CancellationToken cancellationToken)
    {
        const string Sql = "SELECT " + MeetingColumns + " FROM Meetings ORDER BY Id;";
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        IEnumerable<MeetingRow> rows = await connection.QueryAsync<MeetingRow>(new CommandDefinition(Sql, cancellationToken: cancellationToken));
        ILookup<long, DateOnly> exceptions = await ExceptionsAsync(connection, null, cancellationToken);
        return [.. rows.Select(row => row.ToMeeting(exceptions[row.Id]))];
    }

    public async Task<Meeting?> GetAsync(long id, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT " + MeetingColumns + " FROM Meetings WHERE Id = @Id;";
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        MeetingRow? row = await connection.QuerySingleOrDefaultAsync<MeetingRow>(new CommandDefinition(Sql, new { Id = id }, cancellationToken: cancellationToken));
        return row is null ? null : row.ToMeeting((await ExceptionsAsync(connection, row.Id, cancellationToken))[row.Id]);
    }

    public async Task<Meeting?> GetByKeyAsync(string key, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT " + MeetingColumns + " FROM Meetings WHERE Key = @Key;";
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        MeetingRow? row = await connection.QuerySingleOrDefaultAsync<MeetingRow>(new CommandDefinition(Sql, new { Key = key }, cancellationToken: cancellationToken));
        return row is null ? null : row.ToMeeting((await ExceptionsAsync(connection, row.Id, cancellationToken))[row.Id]);
    }

    /// <summary>Active members named on the roster of the meeting, directly or through a role in its campaign.</summary>
    public async Task<IReadOnlyList<Attendee>> AttendeesAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        const string Sql = """
            SELECT m.Id AS MemberId, m.Name, m.NameEn, COALESCE(m.ChosenLocale, m.Locale) AS Locale, m.TimeZone
            FROM Members m
            """ + "\n" + AttendeeFilter + "\nORDER BY m.Id;";
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        IEnumerable<Attendee> rows = await connection.QueryAsync<Attendee>(new CommandDefinition(
            Sql, new { MeetingId = meeting.Id, meeting.CampaignId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>The meetings the member attends: named on the meeting, or holding one of its roles in its campaign.</summary>
    public async Task<IReadOnlySet<long>> AttendedByAsync(long memberId, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT a.MeetingId FROM MeetingAttendees a WHERE a.MemberId = @MemberId
            UNION
            SELECT a.MeetingId FROM MeetingAttendees a
            JOIN Meetings mt ON mt.Id = a.MeetingId
            JOIN MemberRoles r ON r.Role = a.Role AND r.CampaignId = mt.CampaignId AND r.MemberId = @MemberId
            WHERE a.Role IS NOT NULL;
            """;
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        IEnumerable<long> ids = await connection.QueryAsync<long>(new CommandDefinition(Sql, new { MemberId = memberId }, cancellationToken: cancellationToken));
        return ids.ToHashSet();
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

    /// <summary>Who cancelled the meeting as a whole (<c>roster</c> or <c>cli</c>), and of an occurrence, who listed its date as an exception; null for none.</summary>
    public async Task<(string? Meeting, string? Occurrence)> CancellationSourcesAsync(long meetingId, DateOnly? localDate, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT CASE WHEN CancelledAtMs IS NULL THEN NULL ELSE COALESCE(CancelledBy, 'cli') END,
                   (SELECT Source FROM MeetingExceptions WHERE MeetingId = @MeetingId AND LocalDate = @LocalDate)
            FROM Meetings WHERE Id = @MeetingId;
            """;
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<(string?, string?)>(new CommandDefinition(
            Sql, new { MeetingId = meetingId, LocalDate = localDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Cancels the whole meeting (<paramref name="occurrence"/> null) or one occurrence, as the administrator's command, and
    /// voids the pending reminders and nudges it had, in one transaction with the audit entry. Returns how many were voided,
    /// or null when it was already cancelled.
    /// </summary>
    public Task<int?> CancelAsync(Meeting meeting, MeetingOccurrence? occurrence, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        const string CancelMeetingSql = "UPDATE Meetings SET CancelledAtMs = @NowMs, CancelledBy = 'cli' WHERE Id = @MeetingId AND CancelledAtMs IS NULL;";
        const string CancelOccurrenceSql = """
            INSERT INTO MeetingExceptions (MeetingId, LocalDate, Source, CreatedAtMs) VALUES (@MeetingId, @LocalDate, 'cli', @NowMs)
            ON CONFLICT (MeetingId, LocalDate) DO NOTHING;
            """;
        // As the planner voids jobs (OutboxStore.VoidMeetingJobsAsync), minus the demo jobs of remind-now; an occurrence's jobs expire at its start.
        const string VoidSql = """
            UPDATE Outbox SET State = 'voided', LastError = 'meeting cancelled', CompletedAtMs = @NowMs, LeaseUntilMs = 0, LeaseOwner = NULL
            WHERE MeetingId = @MeetingId AND Kind IN ('reminder', 'nudge') AND State IN ('pending', 'retrying')
              AND (NotAfterMs IS NULL OR NotAfterMs > @NowMs) AND IdempotencyKey NOT LIKE 'demo:%'
              AND (@StartMs IS NULL OR NotAfterMs = @StartMs);
            """;
        // Every attendee is told, once per cancellation; an occurrence's notice is pointless after it would have started.
        const string NoticeSql = """
            INSERT INTO Outbox (Kind, IdempotencyKey, DueAtMs, NotAfterMs, RecipientMemberId, MeetingId, Payload, NextAttemptAtMs, CreatedAtMs)
            SELECT 'meeting-cancelled', @KeyPrefix || m.Id, @NowMs, @NotAfterMs, m.Id, @MeetingId, @Payload, @NowMs, @NowMs
            FROM Members m
            """ + "\n" + AttendeeFilter + "\nON CONFLICT (IdempotencyKey) DO NOTHING;";
        string? localDate = LocalDate(meeting, occurrence);
        var args = new { MeetingId = meeting.Id, LocalDate = localDate, NowMs = now.ToUnixTimeMilliseconds(), StartMs = occurrence?.Start.ToUnixTimeMilliseconds() };
        return db.WriteAsync<int?>(
            async (connection, transaction) =>
            {
                if (await connection.ExecuteAsync(new CommandDefinition(
                    occurrence is null ? CancelMeetingSql : CancelOccurrenceSql, args, transaction, cancellationToken: cancellationToken)) == 0)
                {
                    return null;
                }

                int voided = await connection.ExecuteAsync(new CommandDefinition(VoidSql, args, transaction, cancellationToken: cancellationToken));
                int told = await connection.ExecuteAsync(new CommandDefinition(
                    NoticeSql,
                    new
                    {
                        MeetingId = meeting.Id,
                        meeting.CampaignId,
                        NowMs = args.NowMs,
                        KeyPrefix = string.Create(CultureInfo.InvariantCulture, $"meeting-cancelled:{meeting.Id}:{localDate ?? "all"}:{args.NowMs}:"),
                        Payload = JsonSerializer.Serialize(new Scheduling.MeetingCancelledPayload(meeting.Id, args.StartMs), Scheduling.SchedulingJson.Default.MeetingCancelledPayload),
                        NotAfterMs = args.StartMs,
                    },
                    transaction,
                    cancellationToken: cancellationToken));
                await AuditStore.AppendAsync(
                    connection, transaction, new AuditEntry(actor, "cancel", "Meeting", meeting.Key, null, new { Occurrence = localDate, Voided = voided, Told = told }), now, cancellationToken);
                return voided;
            },
            cancellationToken);
    }

    /// <summary>
    /// Undoes <see cref="CancelAsync"/>: the meeting or occurrence takes place again. Version goes up, as when a roster import
    /// changes a meeting, because the reminders voided by the cancellation keep their keys. False when there was nothing to restore.
    /// </summary>
    public Task<bool> RestoreAsync(Meeting meeting, MeetingOccurrence? occurrence, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        const string RestoreMeetingSql = """
            UPDATE Meetings SET CancelledAtMs = NULL, CancelledBy = NULL
            WHERE Id = @MeetingId AND CancelledAtMs IS NOT NULL AND COALESCE(CancelledBy, 'cli') = 'cli';
            """;
        const string RestoreOccurrenceSql = "DELETE FROM MeetingExceptions WHERE MeetingId = @MeetingId AND LocalDate = @LocalDate AND Source = 'cli';";
        const string BumpSql = "UPDATE Meetings SET Version = Version + 1 WHERE Id = @MeetingId;";
        string? localDate = LocalDate(meeting, occurrence);
        var args = new { MeetingId = meeting.Id, LocalDate = localDate };
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                if (await connection.ExecuteAsync(new CommandDefinition(
                    occurrence is null ? RestoreMeetingSql : RestoreOccurrenceSql, args, transaction, cancellationToken: cancellationToken)) == 0)
                {
                    return false;
                }

                await connection.ExecuteAsync(new CommandDefinition(BumpSql, args, transaction, cancellationToken: cancellationToken));
                // A cancellation notice not sent yet would now be wrong.
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE Outbox SET State = 'voided', LastError = 'meeting restored', CompletedAtMs = @NowMs, LeaseUntilMs = 0, LeaseOwner = NULL
                    WHERE MeetingId = @MeetingId AND Kind = 'meeting-cancelled' AND State IN ('pending', 'retrying', 'waiting');
                    """,
                    new { args.MeetingId, NowMs = now.ToUnixTimeMilliseconds() },
                    transaction,
                    cancellationToken: cancellationToken));
                await AuditStore.AppendAsync(
                    connection, transaction, new AuditEntry(actor, "restore", "Meeting", meeting.Key, new { Occurrence = localDate }, null), now, cancellationToken);
                return true;
            },
            cancellationToken);
    }

    private static string? LocalDate(Meeting meeting, MeetingOccurrence? occurrence) =>
        occurrence is null
            ? null
            : TimeZones.LocalDate(occurrence.ScheduledStart, TimeZones.Find(meeting.TimeZone)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Exception dates of one meeting (<paramref name="meetingId"/>) or of all (null), by meeting id.</summary>
    private static async Task<ILookup<long, DateOnly>> ExceptionsAsync(SqliteConnection connection, long? meetingId, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT MeetingId, LocalDate FROM MeetingExceptions WHERE @MeetingId IS NULL OR MeetingId = @MeetingId;";
        IEnumerable<(long MeetingId, string LocalDate)> rows = await connection.QueryAsync<(long, string)>(new CommandDefinition(
            Sql, new { MeetingId = meetingId }, cancellationToken: cancellationToken));
        return rows.ToLookup(r => r.MeetingId, r => DateOnly.ParseExact(r.LocalDate, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private sealed record DecisionRow(long Id, string Text, long? OwnerMemberId, string? DueDate, long? DoneAtMs);

    private sealed record MeetingRow(
        long Id, long CampaignId, string Key, string Title, string? TitleEn, string RRule, string StartLocal, string TimeZone,
        long DurationMinutes, string? Location, string HolidayPolicy, string ReminderOffsets, long? CancelledAtMs, long Version)
    {
        public Meeting ToMeeting(IEnumerable<DateOnly> exceptions) => new(
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
            (int)Version)
        {
            Exceptions = exceptions.ToFrozenSet(),
        };
    }
}
