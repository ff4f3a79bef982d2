namespace TaskForce.Dialogs.Recognizers;

/// <summary>The state a member reports for a task.</summary>
public enum ReportStatus
{
    NotStarted,
    InProgress,
    OnTrack,
    Behind,
    Done,
}
