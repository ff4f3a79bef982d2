namespace TaskForce.Dialogs.Recognizers;

/// <summary>Turns a member's message into an intent and entities (rules today, a language model later).</summary>
public interface IRecognizer
{
    public Recognition Recognize(string text, RecognitionContext context);
}
