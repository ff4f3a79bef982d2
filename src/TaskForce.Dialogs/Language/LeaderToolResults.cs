using System.Text.Json.Serialization;

namespace TaskForce.Dialogs.Language;

/// <summary>What one tool call returns: the JSON the model reads, and the records it rests on for the answer's sources.</summary>
internal sealed record ToolResult(string Json, IReadOnlyList<string> Sources)
{
    public static ToolResult Error(IEnumerable<string> errors) =>
        new(System.Text.Json.JsonSerializer.Serialize(new ToolError([.. errors]), LeaderToolJson.Default.ToolError), []);
}

internal sealed record ToolError(IReadOnlyList<string> Errors);

internal sealed record TaskItem(
    long Id, string Title, string Campaign, string Department, string Owner, string Start, string Deadline,
    int? Percent, int ExpectedPercent, string? Status, string Light, int OpenBlockers, string? LastReport, LightReasonItem? LightReason = null);

/// <summary>Why a task is yellow or red: the rule (overdue, blocker_past_sla, behind_schedule, deadline_near, reported_behind) and its figures.</summary>
internal sealed record LightReasonItem(string Kind, int? PointsBehind, int? DaysLeft, int? Percent, int? OverdueDays, string? Blocker);

internal sealed record TaskList(int Count, bool Truncated, IReadOnlyList<TaskItem> Tasks);

internal sealed record NonReporterItem(string Name, int OpenTasks);

internal sealed record SummaryResult(
    string Campaign, IReadOnlyDictionary<string, int> Lights, IReadOnlyList<TaskItem> Overdue, IReadOnlyList<TaskItem> RedAndYellow,
    IReadOnlyList<NonReporterItem> NotReportedSince, string ReportedSince);

internal sealed record BlockerItem(
    long Id, string Task, string Text, string Severity, int Level, string State, string RaisedBy, string? Owner,
    string RaisedAt, int AgeDays, bool AssignedToCaller);

internal sealed record BlockerList(int Count, bool Truncated, IReadOnlyList<BlockerItem> Blockers);

internal sealed record ReportItem(string Task, string Reporter, int? Percent, string? Status, string Text, string At);

internal sealed record ReportList(int Count, string Since, IReadOnlyList<ReportItem> Reports);

internal sealed record DecisionItem(string Text, string? Owner, string? DueDate, bool Done, string DecidedAt);

internal sealed record MeetingItem(
    string Title, string Campaign, string Recurrence, string FirstStart, string? Location, bool Cancelled, IReadOnlyList<DecisionItem> Decisions);

internal sealed record MeetingList(int Count, string DecidedSince, IReadOnlyList<MeetingItem> Meetings);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ToolError))]
[JsonSerializable(typeof(TaskList))]
[JsonSerializable(typeof(SummaryResult))]
[JsonSerializable(typeof(BlockerList))]
[JsonSerializable(typeof(ReportList))]
[JsonSerializable(typeof(MeetingList))]
internal sealed partial class LeaderToolJson : JsonSerializerContext;
