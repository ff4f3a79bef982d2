using System.Globalization;
using TaskForce.Dialogs.Recognizers;

namespace TaskForce.Tests.Dialogs.Recognizers;

public sealed class RecognizerCorpusTests
{
    private static readonly RuleRecognizer s_recognizer = new();

    public static TheoryData<int, string> Cases()
    {
        TheoryData<int, string> data = [];
        IReadOnlyList<Dictionary<object, object>> cases = RecognizerCorpus.Instance.Cases;
        for (int i = 0; i < cases.Count; i++)
        {
            data.Add(i, RecognizerCorpus.Text(cases[i], "text")!);
        }

        return data;
    }

    [Fact]
    public void Corpus_HasAtLeastTwoHundredCasesInBothLanguages()
    {
        string[] texts = [.. RecognizerCorpus.Instance.Cases.Select(c => RecognizerCorpus.Text(c, "text")!)];

        Assert.True(texts.Length >= 200, $"only {texts.Length} cases");
        Assert.True(texts.Count(t => t.Any(c => c >= '\u4E00' && c <= '\u9FFF')) >= 100);
        Assert.True(texts.Count(t => t.All(c => c < '\u0100')) >= 60);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Recognize_CorpusCase_MatchesExpectation(int index, string text)
    {
        Dictionary<object, object> expected = RecognizerCorpus.Instance.Cases[index];

        Recognition result = s_recognizer.Recognize(text, RecognizerCorpus.Instance.Context);

        Assert.Empty(Mismatches(expected, result));
    }

    [Fact]
    public void Recognize_ManyThreadsAtOnce_GivesTheSameResultsAsOneThread()
    {
        string[] texts = [.. RecognizerCorpus.Instance.Cases.Select(c => RecognizerCorpus.Text(c, "text")!)];
        string[] sequential = [.. texts.Select(t => Describe(s_recognizer.Recognize(t, RecognizerCorpus.Instance.Context)))];

        string[] parallel = new string[texts.Length * 4];
        Parallel.For(0, parallel.Length, i => parallel[i] = Describe(new RuleRecognizer().Recognize(texts[i % texts.Length], RecognizerCorpus.Instance.Context)));

        Assert.Equal([.. Enumerable.Range(0, parallel.Length).Select(i => sequential[i % texts.Length])], parallel);
    }

    private static string Describe(Recognition r)
    {
        RecognizedEntities e = r.Entities;
        return $"{r.NormalizedText}|{r.Intent}|{string.Join(",", e.TaskIds)}|{e.ListNumber}|{e.Percent}|{e.Status}|{e.DateScope}|{e.Dates}|{e.NextDays}|{e.DueDate}|"
            + $"{string.Join(",", e.DepartmentIds)}|{string.Join(",", e.CampaignIds)}|{e.Severity}|{e.BlockerText}|{e.Note}|{e.LinkCode}|{e.Language}";
    }

    private static List<string> Mismatches(Dictionary<object, object> expected, Recognition result)
    {
        RecognizedEntities e = result.Entities;
        List<string> problems = [];
        void Check(string key, object? actual)
        {
            if (!expected.ContainsKey(key))
            {
                return;
            }

            string wanted = expected[key] is List<object> list ? string.Join(",", list) : (string)expected[key];
            string got = actual switch
            {
                null => "none",
                DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IEnumerable<long> ids => ids.Any() ? string.Join(",", ids) : "none",
                _ => Convert.ToString(actual, CultureInfo.InvariantCulture)!,
            };
            if (!string.Equals(wanted, got, StringComparison.Ordinal))
            {
                problems.Add($"{key}: expected {wanted}, got {got}");
            }
        }

        Check("intent", result.Intent);
        Check("task", TaskKeys(e.TaskIds));
        Check("list", e.ListNumber);
        Check("percent", e.Percent);
        Check("status", e.Status);
        Check("scope", e.DateScope);
        Check("from", e.Dates?.From);
        Check("to", e.Dates?.To);
        Check("due", e.DueDate);
        Check("next-days", e.NextDays);
        Check("departments", e.DepartmentIds);
        Check("campaigns", e.CampaignIds);
        Check("severity", e.Severity);
        Check("light", e.Light);
        Check("blocker", e.BlockerText);
        Check("note", e.Note);
        Check("code", e.LinkCode);
        Check("language", e.Language);
        if (problems.Count > 0)
        {
            problems.Add($"normalized: {result.NormalizedText}; intent={result.Intent} tasks=[{string.Join(",", e.TaskIds)}] list={e.ListNumber} percent={e.Percent} status={e.Status} scope={e.DateScope} dates={e.Dates?.From}..{e.Dates?.To} due={e.DueDate} depts=[{string.Join(",", e.DepartmentIds)}] campaigns=[{string.Join(",", e.CampaignIds)}] severity={e.Severity} blocker={e.BlockerText} note={e.Note} code={e.LinkCode} language={e.Language}");
        }

        return problems;
    }

    private static string? TaskKeys(IReadOnlyList<long> ids)
    {
        IReadOnlyDictionary<string, long> keys = RecognizerCorpus.Instance.TaskIds;
        return ids.Count == 0 ? null : string.Join(",", ids.Select(id => keys.First(k => k.Value == id).Key));
    }
}
