using System.Text.RegularExpressions;

namespace TaskForce.Dialogs.Recognizers;

/// <summary>The intent words of dialogs/intents.yaml (embedded), loaded once.</summary>
internal sealed class IntentTable
{
    public static IntentTable Default { get; } = new(RecognizerData.Yaml("intents.yaml"));

    private readonly Dictionary<Intent, IntentWords> _words;
    private readonly Regex _questionWords;

    private IntentTable(Dictionary<object, object> root)
    {
        _words = RecognizerData.Map(root, "intents").ToDictionary(
            p => Enum.Parse<Intent>(RecognizerData.Text(p.Key)),
            p => IntentWords.From((Dictionary<object, object>)p.Value));
        _questionWords = RecognizerData.PhrasesAndPatterns(RecognizerData.Strings(root, "question-words").Select(w => w.ToLowerInvariant()), [])!;
    }

    /// <summary>True when the message contains a question mark or a question word.</summary>
    public bool IsQuestion(string text) => _questionWords.IsMatch(text);

    /// <summary>The intent whose exact words equal the whole message, in the given order of precedence.</summary>
    public Intent? Exact(string message, IReadOnlyList<Intent> order)
    {
        foreach (Intent intent in order)
        {
            if (_words.TryGetValue(intent, out IntentWords? words) && words.Exact.Contains(message))
            {
                return intent;
            }
        }

        return null;
    }

    /// <summary>True when the message contains one of the intent's phrases or matches one of its patterns.</summary>
    public bool Mentions(Intent intent, string text)
    {
        if (!_words.TryGetValue(intent, out IntentWords? words))
        {
            return false;
        }

        return words.Matcher?.IsMatch(text) == true;
    }

    private sealed record IntentWords(IReadOnlySet<string> Exact, Regex? Matcher)
    {
        public static IntentWords From(Dictionary<object, object> map) => new(
            RecognizerData.Strings(map, "exact").Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal),
            RecognizerData.PhrasesAndPatterns(RecognizerData.Strings(map, "contains").Select(w => w.ToLowerInvariant()), RecognizerData.Strings(map, "patterns")));
    }
}
