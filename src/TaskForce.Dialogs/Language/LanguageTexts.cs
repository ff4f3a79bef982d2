using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Language;

/// <summary>Sentences about the language model, in <c>dialogs/language.yaml</c>.</summary>
public static class LanguageTexts
{
    /// <summary>One line shown when the model failed and the rules read the message instead.</summary>
    public static readonly TextKey FallbackNote = new TextKey("language", "fallback-note");

    /// <summary>One line shown when a leader's open question could not be answered by the model.</summary>
    public static readonly TextKey AnswerUnavailable = new TextKey("language", "answer-unavailable");

    /// <summary>"Based on: {sources}" under a grounded answer.</summary>
    public static readonly TextKey Sources = new TextKey("language", "sources");

    /// <summary>Heading of the optional report summary in a meeting brief.</summary>
    public static readonly TextKey BriefSummaryHeading = new TextKey("language", "brief-summary-heading");
}
