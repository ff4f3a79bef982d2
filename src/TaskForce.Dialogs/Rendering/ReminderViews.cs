using TaskForce.Core.Meetings;

namespace TaskForce.Dialogs.Rendering;

/// <summary>Who a proactive message is for: the member's language and IANA time zone.</summary>
public sealed record ReminderRecipient(string Locale, string TimeZone);

/// <summary>A blocker escalation message: <see cref="Kind"/> is the outbox kind (escalation, escalation-notice, escalation-repeat).</summary>
public sealed record ReminderEscalationView(
    string Kind, long BlockerId, string TaskTitle, string? TaskTitleEn, string Text, string Severity, int Level, DateTimeOffset RaisedAt);

/// <summary>One folded message in a digest, already summarized in the recipient's language by the caller.</summary>
public sealed record ReminderDigestLine(DateTimeOffset At, string Text);

/// <summary>What a meeting reminder shows, with the occurrence and the brief built by <see cref="MeetingBriefService"/>.</summary>
public sealed record ReminderMeetingView(Meeting Meeting, MeetingOccurrence Occurrence, MeetingBrief Brief);
