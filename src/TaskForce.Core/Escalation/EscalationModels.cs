using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskForce.Core.Escalation;

/// <summary>Levels of the escalation ladder (Blockers.Level).</summary>
public static class EscalationLevels
{
    public const int TeamLead = 0;
    public const int Commander = 1;
    public const int CityLeader = 2;
    public const int Top = CityLeader;

    /// <summary>The campaign role that owns a blocker at <paramref name="level"/>.</summary>
    public static string Role(int level) => level switch
    {
        TeamLead => "team_lead",
        Commander => "commander",
        _ => "city_leader",
    };
}

/// <summary>An open or acknowledged blocker as the SLA check needs it.</summary>
public sealed record OpenBlocker(
    long Id, long TaskId, long RaisedByMemberId, string Severity, int Level, long? OwnerMemberId,
    DateTimeOffset LevelSince, DateTimeOffset? AcknowledgedAt);

/// <summary>A blocker as messages about it show it.</summary>
public sealed record BlockerSummary(
    long Id, long TaskId, string TaskTitle, string? TaskTitleEn, string Text, string Severity, int Level, string State, DateTimeOffset RaisedAt);

/// <summary>One step up the ladder, with the instant the SLA ran out (the new level counts from there).</summary>
public sealed record EscalationHop(OpenBlocker Blocker, int ToLevel, long? NewOwnerMemberId, DateTimeOffset BreachedAt, string Reason);

/// <summary>Payload of <c>escalation</c> (to the new owner) and <c>escalation-notice</c> (to the reporter) jobs.</summary>
public sealed record EscalationPayload(
    long BlockerId, long TaskId, int FromLevel, int ToLevel, string Reason, string Severity, long? OwnerMemberId, long BreachedAtMs);

/// <summary>Payload of an <c>escalation-repeat</c> job: the daily reminder at the top level.</summary>
public sealed record EscalationRepeatPayload(long BlockerId, long TaskId, int Level, string Severity, string Date, long LevelSinceMs);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(EscalationPayload))]
[JsonSerializable(typeof(EscalationRepeatPayload))]
public sealed partial class EscalationJson : JsonSerializerContext;
