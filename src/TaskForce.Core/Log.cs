using Microsoft.Extensions.Logging;

namespace TaskForce.Core;

/// <summary>Core's log messages; event ids 2xxx.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Applied migration {Version} ({Name})")]
    public static partial void MigrationApplied(this ILogger logger, int version, string name);

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Roster {File} imported: {Created} rows created, {Updated} updated")]
    public static partial void RosterImported(this ILogger logger, string file, int created, int updated);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Roster {File} matches the database; nothing written")]
    public static partial void RosterUnchanged(this ILogger logger, string file);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Roster {File} rejected with {ErrorCount} error(s); nothing written")]
    public static partial void RosterRejected(this ILogger logger, string file, int errorCount);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Demo roster {File} not found; the database stays empty")]
    public static partial void DemoRosterMissing(this ILogger logger, string file);
    [LoggerMessage(EventId = 2130, Level = LogLevel.Warning, Message = "Link codes locked for everyone until {Until} after {Failures} failed attempts within {Window}")]
    public static partial void LinkLockoutStarted(this ILogger logger, long failures, TimeSpan window, DateTimeOffset until);

    [LoggerMessage(EventId = 2131, Level = LogLevel.Warning, Message = "{Count} link code(s) voided: {MaxFailures} failed attempts since they were issued; the administrator must issue new ones")]
    public static partial void LinkCodesVoided(this ILogger logger, int count, int maxFailures);

    [LoggerMessage(EventId = 2132, Level = LogLevel.Information, Message = "Link attempts refused for one {Scope} after {Failures} failed attempts; the limit lifts within {Window}")]
    public static partial void LinkAttemptsLimited(this ILogger logger, string scope, long failures, TimeSpan window);

    [LoggerMessage(EventId = 2400, Level = LogLevel.Information, Message = "Outbox job {OutboxId} ({Kind}) sent to member {MemberId}, late: {Late}")]
    public static partial void OutboxSent(this ILogger logger, long outboxId, string kind, long memberId, bool late);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "Outbox job {OutboxId} ({Kind}) skipped: {Reason}")]
    public static partial void OutboxSkipped(this ILogger logger, long outboxId, string kind, string reason);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Warning, Message = "Outbox job {OutboxId} will be retried at {NextAttemptAt} after attempt {Attempt}: {Reason}")]
    public static partial void OutboxRetrying(this ILogger logger, long outboxId, DateTimeOffset nextAttemptAt, int attempt, string? reason);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Warning, Message = "Outbox job {OutboxId} ({Kind}) failed permanently: {Reason}")]
    public static partial void OutboxFailed(this ILogger logger, long outboxId, string kind, string reason);

    [LoggerMessage(EventId = 2404, Level = LogLevel.Warning, Message = "Member {MemberId} is unreachable, conversation marked dead: {Reason}")]
    public static partial void OutboxRecipientUnreachable(this ILogger logger, long memberId, string reason);

    [LoggerMessage(EventId = 2412, Level = LogLevel.Information, Message = "Outbox job {OutboxId} ({Kind}) waits for member {MemberId} to open the bot: {Reason}")]
    public static partial void OutboxAwaitingContact(this ILogger logger, long outboxId, string kind, long memberId, string reason);

    [LoggerMessage(EventId = 2405, Level = LogLevel.Error, Message = "Delivery of outbox job {OutboxId} threw; it will be retried")]
    public static partial void OutboxDeliveryThrew(this ILogger logger, Exception exception, long outboxId);

    [LoggerMessage(EventId = 2406, Level = LogLevel.Warning, Message = "Lease of outbox job {OutboxId} was lost before its outcome was recorded")]
    public static partial void OutboxLeaseLost(this ILogger logger, long outboxId);

    [LoggerMessage(EventId = 2900, Level = LogLevel.Warning, Message = "Half the outbox lease passed before the batch was done: {Remaining} jobs given back ({Released} claims released)")]
    public static partial void OutboxBatchGivenBack(this ILogger logger, int remaining, int released);

    [LoggerMessage(EventId = 2407, Level = LogLevel.Information, Message = "Outbox job {OutboxId} folded into digest {DigestKey}")]
    public static partial void OutboxDigested(this ILogger logger, long outboxId, string digestKey);

    [LoggerMessage(EventId = 2410, Level = LogLevel.Information, Message = "Reminder planning: {Inserted} jobs materialized, {Voided} voided")]
    public static partial void RemindersPlanned(this ILogger logger, int inserted, int voided);

    [LoggerMessage(EventId = 2411, Level = LogLevel.Warning, Message = "Meeting {MeetingId} could not be planned")]
    public static partial void MeetingPlanFailed(this ILogger logger, Exception exception, long meetingId);

    [LoggerMessage(EventId = 2420, Level = LogLevel.Information, Message = "Blocker {BlockerId} escalated from level {FromLevel} to {ToLevel} ({Reason})")]
    public static partial void BlockerEscalated(this ILogger logger, long blockerId, int fromLevel, int toLevel, string reason);

    [LoggerMessage(EventId = 2421, Level = LogLevel.Warning, Message = "Blocker {BlockerId} has no owner at level {Level}: nobody holds that role in the campaign")]
    public static partial void EscalationNoOwner(this ILogger logger, long blockerId, int level);

    [LoggerMessage(EventId = 2970, Level = LogLevel.Information, Message = "Meeting {MeetingKey} cancelled, occurrence {OccurrenceStart} (none: the whole meeting); {Voided} pending jobs voided")]
    public static partial void MeetingCancelled(this ILogger logger, string meetingKey, DateTimeOffset? occurrenceStart, int voided);

    [LoggerMessage(EventId = 2971, Level = LogLevel.Information, Message = "Meeting {MeetingKey} restored, occurrence {OccurrenceStart} (none: the whole meeting)")]
    public static partial void MeetingRestored(this ILogger logger, string meetingKey, DateTimeOffset? occurrenceStart);
}
