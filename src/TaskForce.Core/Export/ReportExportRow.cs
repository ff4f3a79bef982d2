namespace TaskForce.Core.Export;

/// <summary>One progress report with the names an assessor reads.</summary>
public sealed record ReportExportRow(
    long Id, long CreatedAtMs, string Campaign, string TaskKey, string Task, string Department, string Reporter,
    long? Percent, string? Status, string Text, string? ChannelId, long? AmendedAtMs);
