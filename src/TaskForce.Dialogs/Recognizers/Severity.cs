namespace TaskForce.Dialogs.Recognizers;

/// <summary>How urgent a blocker is.</summary>
public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}
