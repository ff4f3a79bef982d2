namespace TaskForce.Dialogs.Language;

/// <summary>Whether the bot uses a language model, for the startup log and /healthz.</summary>
public sealed class LanguageModelStatus
{
    public LanguageModelStatus(bool active, string? deployment)
    {
        Active = active;
        Deployment = active ? deployment : null;
    }

    public bool Active { get; }

    public string? Deployment { get; }
}
