namespace TaskForce.Core.Reports;

/// <summary>Status values as stored in Reports.Status and Tasks.LatestStatus.</summary>
public static class ReportStatuses
{
    public const string NotStarted = "not_started";
    public const string InProgress = "in_progress";
    public const string OnTrack = "on_track";
    public const string Behind = "behind";
    public const string Done = "done";
}
