namespace TaskForce.Dialogs.Recognizers;

/// <summary>What a member wants from one message.</summary>
public enum Intent
{
    None,
    ReportProgress,
    QueryDeadlines,
    StatusQuestion,
    EscalateBlocker,
    AcknowledgeBlocker,
    ResolveBlocker,
    CloseBlocker,
    AmendReport,
    NextMeeting,
    LinkAccount,
    Help,
    Cancel,
    Back,
    SwitchLanguage,
    Confirm,
    Deny,

    /// <summary>A question about the blockers waiting for the member (待签收的问题): lists them, never acts.</summary>
    PendingBlockers,

    /// <summary>A greeting or thanks ("hello", "thanks!"): a short polite answer with the main choices.</summary>
    Greeting,

    /// <summary>Free text the recognizer cannot place with confidence: the bot asks which of the main things is meant.</summary>
    Unclear,
}
