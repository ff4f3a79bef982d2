using System.Globalization;
using System.Text.RegularExpressions;

namespace TaskForce.Dialogs.Recognizers;

/// <summary>The entity words and patterns of Data/lexicon.yaml, loaded once.</summary>
internal sealed class Lexicon
{
    public static Lexicon Default { get; } = new(RecognizerData.Yaml("lexicon.yaml"));

    private Lexicon(Dictionary<object, object> root)
    {
        Numerals = RecognizerData.Pairs(RecognizerData.Map(root, "numerals")).ToDictionary(p => p.Key[0], p => int.Parse(p.Value, CultureInfo.InvariantCulture));
        NumeralUnits = RecognizerData.Pairs(RecognizerData.Map(root, "numeral-units")).ToDictionary(p => p.Key[0], p => int.Parse(p.Value, CultureInfo.InvariantCulture));
        NumberWords = RecognizerData.Pairs(RecognizerData.Map(root, "number-words")).ToDictionary(p => p.Key, p => int.Parse(p.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        FractionWords = RecognizerData.Pairs(RecognizerData.Map(root, "fraction-words")).ToDictionary(p => p.Key, p => int.Parse(p.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);

        Dictionary<object, object> percent = RecognizerData.Map(root, "percent");
        PercentPatterns = [.. RecognizerData.List(percent, "patterns").Cast<Dictionary<object, object>>().Select(PercentPattern.From)];
        PercentRegex = RecognizerData.Alternation(PercentPatterns.Select(p => p.Regex));
        PercentGroups = RecognizerData.AlternativeGroups(PercentRegex, PercentPatterns.Count);
        PercentVerbs = [.. RecognizerData.Strings(percent, "verbs").OrderByDescending(v => v.Length)];

        VagueAmounts =
        [
            .. RecognizerData.List(root, "vague-amounts").Cast<Dictionary<object, object>>().Select(v => (
                new Regex(RecognizerData.Text(v["regex"]), RecognizerData.PatternOptions | RegexOptions.IgnoreCase),
                (IReadOnlyList<int>)[.. ((List<object>)v["choices"]).Select(c => int.Parse(RecognizerData.Text(c), CultureInfo.InvariantCulture))])),
        ];
        GenericTaskWords = [.. RecognizerData.Strings(root, "generic-task-words")];
        DoneParticles = RecognizerData.Strings(root, "done-particles").Select(p => p[0]).ToHashSet();
        Status = new(RecognizerData.Pairs(RecognizerData.Map(root, "status")).Select(p => (p.Key, Enum.Parse<ReportStatus>(p.Value))));

        Dictionary<object, object> severity = RecognizerData.Map(root, "severity");
        SeverityPhrases = new(RecognizerData.Pairs(RecognizerData.Map(severity, "phrases")).Select(p => (p.Key, Enum.Parse<Severity>(p.Value))));
        SeverityAlone = new(RecognizerData.Pairs(RecognizerData.Map(severity, "alone")).Select(p => (p.Key, Enum.Parse<Severity>(p.Value))));
        SeverityLabels = RecognizerData.Strings(severity, "labels");
        Lights = new(RecognizerData.Pairs(RecognizerData.Map(root, "lights")).Select(p => (p.Key, Enum.Parse<LightColor>(p.Value))));

        Dictionary<object, object> dates = RecognizerData.Map(root, "dates");
        List<Dictionary<object, object>> datePatterns = [.. RecognizerData.List(dates, "patterns").Cast<Dictionary<object, object>>()];
        DateKinds = [.. datePatterns.Select(p => RecognizerData.Text(p["kind"]))];
        // The date alternation is long and has no lookarounds: the automaton engine scans it about three times faster.
        DateRegex = RecognizerData.Alternation(
            datePatterns.Select(p => RecognizerData.Text(p["regex"])),
            RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
        DateGroups = RecognizerData.AlternativeGroups(DateRegex, DateKinds.Count);
        DateAlternatives = [.. datePatterns.Select(p => new Regex(@"\G(?:" + RecognizerData.Text(p["regex"]) + ")", RecognizerData.PatternOptions))];
        Weekdays = RecognizerData.Pairs(RecognizerData.Map(dates, "weekdays")).ToDictionary(p => p.Key, p => int.Parse(p.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        Months = RecognizerData.Strings(dates, "months");
        Holidays = RecognizerData.Map(dates, "holidays").ToDictionary(
            p => System.Text.RegularExpressions.Regex.Replace(RecognizerData.Text(p.Key), @"\s+", " "),
            p => (IReadOnlyList<string>)[.. ((List<object>)p.Value).Select(RecognizerData.Text)],
            StringComparer.Ordinal);
        MonthParts = RecognizerData.Pairs(RecognizerData.Map(dates, "month-parts")).ToDictionary(p => p.Key, p => int.Parse(p.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        NextWords = RecognizerData.Strings(dates, "next");
        BeforeSuffixes = [.. RecognizerData.Strings(dates, "before-suffix").OrderByDescending(v => v.Length)];
        BeforePrefixes = RecognizerData.Strings(dates, "before-prefix");
        ForecastWords = RecognizerData.Strings(dates, "forecast");

        ListNumberRegex = RecognizerData.Pattern(RecognizerData.Strings(root, "list-number"));

        Dictionary<object, object> blocker = RecognizerData.Map(root, "blocker");
        BlockerStarts = RecognizerData.Pattern(RecognizerData.Strings(blocker, "starts"));
        BlockerEnds = RecognizerData.Pattern(RecognizerData.Strings(blocker, "ends"));

        CandidateStopwords = RecognizerData.Strings(root, "candidate-stopwords").ToHashSet(StringComparer.Ordinal);
        NamePrefixes = RecognizerData.Strings(root, "name-prefixes");
        Dictionary<object, object> department = RecognizerData.Map(root, "department");
        DepartmentSuffixes = [.. RecognizerData.Strings(department, "suffixes").OrderByDescending(s => s.Length)];
        DepartmentSuffixesEn = RecognizerData.Strings(department, "suffixes-en");
        DepartmentNotNames = RecognizerData.Strings(department, "not-names").ToHashSet(StringComparer.Ordinal);
        DepartmentStopChars = RecognizerData.Text(department["stop-chars"]);
        DepartmentLeadWords = [.. RecognizerData.Strings(department, "lead-words").OrderByDescending(s => s.Length)];
        DepartmentTailWords = [.. RecognizerData.Strings(department, "tail-words").OrderByDescending(s => s.Length)];
        DepartmentWordEndSuffixes = RecognizerData.Strings(department, "word-end-suffixes").ToHashSet(StringComparer.Ordinal);
        string separators = Regex.Escape(RecognizerData.Text(department["separators"])).Replace("]", "\\]", StringComparison.Ordinal);
        DepartmentListItem = new Regex(
            $@"[^{separators}\s](?:[^{separators}]*?[^{separators}\s])?(?=\s*(?:[{separators}]|\band\b|(?<=\p{{IsCJKUnifiedIdeographs}})\s+(?=\p{{IsCJKUnifiedIdeographs}})|$))",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);
        YearMarker = RecognizerData.Text(dates["year-marker"]);
        Dictionary<object, object> languages = RecognizerData.Map(root, "languages");
        Languages = new(languages.Keys.Select(RecognizerData.Text)
            .SelectMany(code => RecognizerData.Strings(languages, code).Select(word => (word.ToLowerInvariant(), code))));
    }

    public IReadOnlyDictionary<char, int> Numerals { get; }

    public IReadOnlyDictionary<char, int> NumeralUnits { get; }

    public IReadOnlyDictionary<string, int> NumberWords { get; }

    /// <summary>Two-character words many tasks share (project, approval): never enough to name a task on their own.</summary>
    public IReadOnlyList<string> GenericTaskWords { get; }

    /// <summary>Denominators of English fractions ("quarters" = 4).</summary>
    public IReadOnlyDictionary<string, int> FractionWords { get; }

    public IReadOnlyList<PercentPattern> PercentPatterns { get; }

    /// <summary>Vague amounts and the percentages offered for each (see vague-amounts in the lexicon).</summary>
    public IReadOnlyList<(Regex Pattern, IReadOnlyList<int> Choices)> VagueAmounts { get; }

    /// <summary>The percentages to offer when the text gives only a vague amount ("most of it"); null when it gives none.</summary>
    public IReadOnlyList<int>? VagueChoices(string text) => VagueAmounts.FirstOrDefault(v => v.Pattern.IsMatch(text)).Choices;

    public Regex PercentRegex { get; }

    /// <summary>Group numbers of the alternatives of <see cref="PercentRegex"/>.</summary>
    public int[] PercentGroups { get; }

    public IReadOnlyList<string> PercentVerbs { get; }

    public PhraseTable<ReportStatus> Status { get; }

    public PhraseTable<LightColor> Lights { get; }

    /// <summary>Characters that may follow a Chinese "done" word (a sentence-final particle, see done-particles in Data/lexicon.yaml).</summary>
    public IReadOnlySet<char> DoneParticles { get; }

    public PhraseTable<Severity> SeverityPhrases { get; }

    public PhraseTable<Severity> SeverityAlone { get; }

    public IReadOnlyList<string> SeverityLabels { get; }

    /// <summary>All date patterns as one alternation (non-backtracking): finds where the first date expression is.</summary>
    public Regex DateRegex { get; }

    /// <summary>Group numbers of the alternatives of <see cref="DateRegex"/>.</summary>
    public int[] DateGroups { get; }

    /// <summary>Each date pattern alone, anchored where matching starts: tells which pattern a date found by <see cref="DateRegex"/> is.</summary>
    public IReadOnlyList<Regex> DateAlternatives { get; }

    public IReadOnlyList<string> DateKinds { get; }

    public IReadOnlyDictionary<string, int> Weekdays { get; }

    public IReadOnlyList<string> Months { get; }

    /// <summary>Festival names with their dates: "MM-DD" every year, or "YYYY-MM-DD" for each year of a lunar festival.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Holidays { get; }

    public IReadOnlyDictionary<string, int> MonthParts { get; }

    public IReadOnlyList<string> NextWords { get; }

    public IReadOnlyList<string> BeforeSuffixes { get; }

    public IReadOnlyList<string> BeforePrefixes { get; }

    public IReadOnlyList<string> ForecastWords { get; }

    public Regex ListNumberRegex { get; }

    public Regex BlockerStarts { get; }

    public Regex BlockerEnds { get; }

    public IReadOnlySet<string> CandidateStopwords { get; }

    public IReadOnlyList<string> NamePrefixes { get; }

    public IReadOnlyList<string> DepartmentSuffixes { get; }

    public IReadOnlyList<string> DepartmentSuffixesEn { get; }

    public IReadOnlySet<string> DepartmentNotNames { get; }

    public string DepartmentStopChars { get; }

    public IReadOnlyList<string> DepartmentLeadWords { get; }

    public IReadOnlyList<string> DepartmentTailWords { get; }

    /// <summary>Department suffixes that count only where the word ends (the next character is no Han character).</summary>
    public IReadOnlySet<string> DepartmentWordEndSuffixes { get; }

    /// <summary>One item of a list of departments: the text between two separators, "and", or a space between Chinese names.</summary>
    public Regex DepartmentListItem { get; }

    /// <summary>The word that follows a written year.</summary>
    public string YearMarker { get; }

    public PhraseTable<string> Languages { get; }

    /// <summary>Parses ASCII digits, Chinese numerals (see numerals in Data/lexicon.yaml) or English number words.</summary>
    public int? ParseNumber(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
        {
            return value;
        }

        if (NumberWords.TryGetValue(text, out value))
        {
            return value;
        }

        int total = 0;
        int current = 0;
        foreach (char c in text)
        {
            if (Numerals.TryGetValue(c, out int digit))
            {
                current = digit;
            }
            else if (NumeralUnits.TryGetValue(c, out int unit))
            {
                total += (current == 0 ? 1 : current) * unit;
                current = 0;
            }
            else
            {
                return null;
            }
        }

        return text.Length == 0 ? null : total + current;
    }

    internal sealed record PercentPattern(string Kind, string Regex, int? Value)
    {
        public static PercentPattern From(Dictionary<object, object> map) =>
            new(RecognizerData.Text(map["kind"]), RecognizerData.Text(map["regex"]), RecognizerData.OptionalText(map, "value") is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null);
    }
}
