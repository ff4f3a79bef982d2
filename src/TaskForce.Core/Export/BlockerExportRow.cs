namespace TaskForce.Core.Export;

/// <summary>One blocker with its history times and the names an assessor reads.</summary>
public sealed record BlockerExportRow(
    long Id, long RaisedAtMs, string Campaign, string TaskKey, string Task, string Department, string RaisedBy, string Severity,
    long Level, string State, string? DepartmentsNeeded, string? Category, string Text, string? Owner, long? AcknowledgedAtMs,
    long? ResolvedAtMs, string? ResolutionNote, long? ClosedAtMs);
