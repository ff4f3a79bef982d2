using System.Globalization;
using System.Text.RegularExpressions;

namespace TaskForce.Dialogs.Recognizers;

/// <summary>
/// The default recognizer: keyword and pattern rules from dialogs/intents.yaml and Data/lexicon.yaml, no network,
/// no database. Pure and thread-safe; the tables are loaded once per process.
/// </summary>
public sealed partial class RuleRecognizer : IRecognizer
{
    private static readonly char[] s_bareTrim = [' ', ',', '.', ';', '!', '~', '\u3001', '\u3002'];

    private readonly Lexicon _lexicon;
    private readonly IntentTable _intents;

    /// <summary>Loads the word tables (once per process), so a bad data file fails at startup, not on a message.</summary>
    public RuleRecognizer()
    {
        _lexicon = Lexicon.Default;
        _intents = IntentTable.Default;
        _ = TextNormalizer.Normalize(string.Empty);
    }

    public Recognition Recognize(string text, RecognitionContext context)
    {
        RuleReading reading = Read(text, context);
        return reading.Settled ?? Finish(reading, reading.Intent);
    }

    /// <summary>
    /// What the rules read before the intent is final: the entities and the rules' intent, or the whole recognition
    /// when the message settles it (empty, a bare number or code, a command word).
    /// </summary>
    internal RuleReading Read(string text, RecognitionContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);

        string normalized = TextNormalizer.Normalize(text);
        string bare = normalized.Trim(s_bareTrim);
        if (bare.Length == 0)
        {
            return RuleReading.Final(new Recognition(Intent.None, RecognizedEntities.Empty, normalized));
        }

        if (BareNumber().IsMatch(bare))
        {
            return RuleReading.Final(new Recognition(Intent.None, Pick(int.Parse(bare, CultureInfo.InvariantCulture), context), normalized));
        }

        if (BareCode().IsMatch(bare))
        {
            return RuleReading.Final(new Recognition(Intent.None, RecognizedEntities.Empty with { LinkCode = bare }, normalized));
        }

        RecognizedEntities entities = EntityExtractor.Extract(normalized, bare, context, _lexicon);
        Intent intent = IntentResolver.Resolve(normalized, bare, entities, _intents);
        RuleReading reading = new(normalized, bare, entities, intent, null);
        // A message made only of entities (a task's name, a date, a severity, a figure or a status) answers a dialog's
        // question or is a report: no word is left for the classifier to weigh.
        bool answer = intent is Intent.None or Intent.ReportProgress && entities.Note is null;
        bool settled = answer || IntentResolver.IsCommand(intent) || IntentResolver.IsExact(bare, _intents);
        return settled ? RuleReading.Final(Finish(reading, intent)) : reading;
    }

    /// <summary>The recognition for the intent chosen: the entities that only some intents keep are kept or dropped.</summary>
    internal Recognition Finish(RuleReading reading, Intent intent)
    {
        string normalized = reading.Normalized;
        RecognizedEntities entities = reading.Entities with
        {
            LinkCode = intent == Intent.LinkAccount ? reading.Entities.LinkCode : null,
            Language = intent == Intent.SwitchLanguage ? Language(normalized, _lexicon) : null,
            Light = intent is Intent.StatusQuestion or Intent.QueryDeadlines ? Light(normalized, _lexicon) : null,
        };
        return new Recognition(intent, entities, normalized);
    }

    private static RecognizedEntities Pick(int number, RecognitionContext context) => RecognizedEntities.Empty with
    {
        ListNumber = number,
        TaskIds = [.. context.Tasks.Where(t => t.ListNumber == number).Select(t => t.Id)],
    };

    private static string? Language(string normalized, Lexicon lexicon) =>
        lexicon.Languages.FindLongest(normalized, new TextSpans(normalized), out string code, out _, out _) ? code : null;

    private static LightColor? Light(string normalized, Lexicon lexicon) =>
        lexicon.Lights.FindLongest(normalized, new TextSpans(normalized), out LightColor light, out _, out _) ? light : null;

    [GeneratedRegex(@"^\d{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"^\d{4,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex BareCode();
}
