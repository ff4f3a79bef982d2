using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskForce.Core.Scheduling;

/// <summary>Payload of a <c>reminder</c> job (JSON, camelCase).</summary>
public sealed record ReminderPayload(
    long MeetingId, int MeetingVersion, long OccurrenceStartMs, long ScheduledStartMs, int OffsetMinutes);

/// <summary>Payload of a <c>nudge</c> job: the member's open tasks with no report since the previous occurrence.</summary>
public sealed record NudgePayload(
    long MeetingId, int MeetingVersion, long OccurrenceStartMs, long? PreviousOccurrenceStartMs, IReadOnlyList<long> TaskIds);

/// <summary>Payload of a <c>meeting-cancelled</c> job: the occurrence that will not take place, or none when the whole meeting stopped.</summary>
public sealed record MeetingCancelledPayload(long MeetingId, long? OccurrenceStartMs);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ReminderPayload))]
[JsonSerializable(typeof(NudgePayload))]
[JsonSerializable(typeof(MeetingCancelledPayload))]
public sealed partial class SchedulingJson : JsonSerializerContext;
