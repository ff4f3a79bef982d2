using System.Text.Json;
using TaskForce.Core.Escalation;
using TaskForce.Core.Meetings;
using TaskForce.Core.Outbox;
using TaskForce.Core.Scheduling;

namespace TaskForce.Dialogs.Rendering;

/// <summary>
/// Turns any outbox job into the message for its recipient: reads the job's payload, loads what the message
/// shows (meeting and brief, tasks, blocker) and renders it. Returns null when the subject no longer exists
/// (the delivery should then fail the job permanently).
/// </summary>
public sealed class ReminderComposer(
    MeetingStore meetings,
    MeetingBriefService briefs,
    MeetingBriefStore tasks,
    EscalationStore blockers,
    ReminderRenderer reminders,
    ReminderNoticeRenderer notices)
{
    public async Task<OutgoingMessage?> ComposeAsync(
        OutboxJob job, ReminderRecipient recipient, bool late, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Kind switch
        {
            OutboxKinds.Reminder => await ReminderAsync(job, recipient, late, now, cancellationToken),
            OutboxKinds.Nudge => await NudgeAsync(job, recipient, late, cancellationToken),
            OutboxKinds.Escalation or OutboxKinds.EscalationNotice or OutboxKinds.EscalationRepeat =>
                await EscalationAsync(job, recipient, late, cancellationToken),
            OutboxKinds.Digest => await DigestAsync(job, recipient, now, cancellationToken),
            OutboxKinds.MeetingCancelled => await CancelledAsync(job, recipient, cancellationToken),
            _ => null,
        };
    }

    private async Task<OutgoingMessage?> ReminderAsync(
        OutboxJob job, ReminderRecipient recipient, bool late, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ReminderPayload payload = JsonSerializer.Deserialize(job.Payload, SchedulingJson.Default.ReminderPayload)!;
        if (await meetings.GetAsync(payload.MeetingId, cancellationToken) is not { } meeting)
        {
            return null;
        }

        var occurrence = new MeetingOccurrence(
            meeting, DateTimeOffset.FromUnixTimeMilliseconds(payload.OccurrenceStartMs), DateTimeOffset.FromUnixTimeMilliseconds(payload.ScheduledStartMs));
        MeetingBrief brief = await briefs.BuildAsync(meeting, occurrence.Start, now, cancellationToken);
        return reminders.Reminder(new ReminderMeetingView(meeting, occurrence, brief), recipient, late);
    }

    private async Task<OutgoingMessage?> CancelledAsync(OutboxJob job, ReminderRecipient recipient, CancellationToken cancellationToken)
    {
        MeetingCancelledPayload payload = JsonSerializer.Deserialize(job.Payload, SchedulingJson.Default.MeetingCancelledPayload)!;
        return await meetings.GetAsync(payload.MeetingId, cancellationToken) is { } meeting
            ? reminders.Cancelled(meeting, payload.OccurrenceStartMs is long start ? DateTimeOffset.FromUnixTimeMilliseconds(start) : null, recipient)
            : null;
    }

    private async Task<OutgoingMessage?> NudgeAsync(OutboxJob job, ReminderRecipient recipient, bool late, CancellationToken cancellationToken)
    {
        NudgePayload payload = JsonSerializer.Deserialize(job.Payload, SchedulingJson.Default.NudgePayload)!;
        if (await meetings.GetAsync(payload.MeetingId, cancellationToken) is not { } meeting)
        {
            return null;
        }

        IReadOnlyList<BriefTask> unreported = await tasks.TasksByIdAsync(payload.TaskIds, cancellationToken);
        return unreported.Count == 0
            ? null
            : reminders.Nudge(meeting, DateTimeOffset.FromUnixTimeMilliseconds(payload.OccurrenceStartMs), unreported, recipient, late);
    }

    private async Task<OutgoingMessage?> EscalationAsync(OutboxJob job, ReminderRecipient recipient, bool late, CancellationToken cancellationToken)
    {
        if (job.BlockerId is not { } blockerId || await blockers.DescribeAsync(blockerId, cancellationToken) is not { } blocker)
        {
            return null;
        }

        int level = job.Kind == OutboxKinds.EscalationRepeat
            ? blocker.Level
            : JsonSerializer.Deserialize(job.Payload, EscalationJson.Default.EscalationPayload)!.ToLevel;
        var view = new ReminderEscalationView(
            job.Kind, blocker.Id, blocker.TaskTitle, blocker.TaskTitleEn, blocker.Text, blocker.Severity, level, blocker.RaisedAt);
        return notices.Escalation(view, recipient, late);
    }

    /// <summary>Each folded job is composed as it would have been sent, and its first line becomes a line of the digest.</summary>
    private async Task<OutgoingMessage?> DigestAsync(OutboxJob job, ReminderRecipient recipient, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using JsonDocument document = JsonDocument.Parse(job.Payload);
        List<ReminderDigestLine> lines = [];
        foreach (JsonElement item in document.RootElement.GetProperty("items").EnumerateArray())
        {
            OutboxJob folded = job with
            {
                Kind = item.GetProperty("kind").GetString()!,
                DueAt = DateTimeOffset.FromUnixTimeMilliseconds(item.GetProperty("dueAtMs").GetInt64()),
                MeetingId = item.TryGetProperty("meetingId", out JsonElement meetingId) && meetingId.ValueKind == JsonValueKind.Number ? meetingId.GetInt64() : null,
                BlockerId = item.TryGetProperty("blockerId", out JsonElement blockerId) && blockerId.ValueKind == JsonValueKind.Number ? blockerId.GetInt64() : null,
                Payload = item.GetProperty("payload").GetRawText(),
            };
            if (folded.Kind != OutboxKinds.Digest && await ComposeAsync(folded, recipient, late: false, now, cancellationToken) is { } message)
            {
                lines.Add(new ReminderDigestLine(folded.DueAt, message.Text.Split('\n')[0].TrimEnd('\r')));
            }
        }

        return lines.Count == 0 ? null : notices.Digest(lines, recipient);
    }
}
