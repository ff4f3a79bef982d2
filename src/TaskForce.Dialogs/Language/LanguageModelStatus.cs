using Microsoft.Extensions.Logging;

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

    /// <summary>Writes the one startup line saying whether the model is on (never the key).</summary>
    public void LogTo(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (Active)
        {
            logger.LanguageModelActive(Deployment ?? "");
        }
        else
        {
            logger.LanguageModelInactive();
        }
    }
}
