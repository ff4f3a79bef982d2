using System.Text.RegularExpressions;

namespace TaskForce.Dialogs.Recognizers;

/// <summary>Reads every entity from a normalized message; what no entity takes becomes the note.</summary>
internal static partial class EntityExtractor
{
    public static RecognizedEntities Extract(string normalized, string bare, RecognitionContext context, Lexicon lexicon)
    {
        TextSpans spans = new(normalized);
        int? listNumber = ListNumber(spans, lexicon);
        IReadOnlyList<long> campaignIds = CandidateMatcher.BestNamed(spans, context.Campaigns, lexicon);
        IReadOnlyList<long> taskIds = CandidateMatcher.BestTasks(spans, context.Tasks, lexicon);
        if (taskIds.Count == 0 && listNumber is int number)
        {
            taskIds = [.. context.Tasks.Where(t => t.ListNumber == number).Select(t => t.Id)];
        }

        if (taskIds.Count == 0)
        {
            taskIds = FragmentMatcher.Match(spans, context.Tasks, lexicon);
        }

        ReportStatus? status = Status(spans, lexicon);
        int? percent = PercentParser.Parse(spans, lexicon);
        // "almost done" written with a done word (see vague-amounts in the lexicon), but it is a vague amount: asked about, never saved as 100 %.
        IReadOnlyList<int>? vague = percent is null && status is null or ReportStatus.Done ? lexicon.VagueChoices(normalized) : null;
        status = vague is null ? status : null;
        (status, percent) = Reconcile(status, percent);
        Severity? severity = SeverityParser.Parse(spans, bare, lexicon);
        DateResult dates = DateParser.Parse(normalized, context.Today, lexicon);
        string? linkCode = LinkCode(spans);
        string? blocker = BlockerParser.Parse(spans, lexicon);
        (IReadOnlyList<long> departmentIds, IReadOnlyList<string> unknownDepartments, IReadOnlyList<AmbiguousName> ambiguousDepartments) = DepartmentMatcher.Match(normalized, context.Departments, lexicon);

        return new RecognizedEntities
        {
            TaskIds = taskIds,
            ListNumber = listNumber,
            Percent = percent,
            Status = status,
            DateScope = dates.Scope,
            Dates = dates.Dates,
            NextDays = dates.NextDays,
            DueDate = dates.DueDate,
            DepartmentIds = departmentIds,
            VagueChoices = vague,
            UnknownDepartments = unknownDepartments,
            AmbiguousDepartments = ambiguousDepartments,
            CampaignIds = campaignIds,
            Severity = severity,
            BlockerText = blocker,
            LinkCode = linkCode,
            Note = spans.Rest(),
        };
    }

    /// <summary>Done with a partial percent means "done 70 % of it"; done alone means 100 %, and 100 % means done.</summary>
    private static (ReportStatus?, int?) Reconcile(ReportStatus? status, int? percent) => (status, percent) switch
    {
        (ReportStatus.Done, null) => (ReportStatus.Done, 100),
        (ReportStatus.Done, < 100) => (ReportStatus.InProgress, percent),
        (null, 100) => (ReportStatus.Done, 100),
        _ => (status, percent),
    };

    private static ReportStatus? Status(TextSpans spans, Lexicon lexicon)
    {
        if (!lexicon.Status.FindLongest(spans.Text, spans, out ReportStatus status, out int index, out int length))
        {
            return null;
        }

        // "done with the tender" reports a finished step, not a finished task: a Chinese "done" word must end its phrase.
        if (status == ReportStatus.Done && index + length < spans.Text.Length)
        {
            char next = spans.Text[index + length];
            if (Phrase.IsHan(next) && !lexicon.Numerals.ContainsKey(next) && !lexicon.NumeralUnits.ContainsKey(next) && !lexicon.DoneParticles.Contains(next))
            {
                return null;
            }
        }

        spans.Take(index, length);
        return status;
    }

    private static int? ListNumber(TextSpans spans, Lexicon lexicon)
    {
        Match match = LeadingNumber().Match(spans.Text);
        if (match.Success && StartsWithDate(spans.Text, lexicon))
        {
            match = Match.Empty;
        }

        if (!match.Success)
        {
            match = lexicon.ListNumberRegex.Match(spans.Text);
        }

        if (!match.Success || lexicon.ParseNumber(match.Groups["n"].Value) is not int number || number < 1)
        {
            return null;
        }

        spans.Take(match.Index, match.Length);
        return number;
    }

    private static bool StartsWithDate(string text, Lexicon lexicon)
    {
        foreach (ValueMatch date in lexicon.DateRegex.EnumerateMatches(text))
        {
            return date.Index == 0;
        }

        return false;
    }

    private static string? LinkCode(TextSpans spans)
    {
        Match match = Code().Match(spans.Text);
        while (match.Success && !spans.IsFree(match.Index, match.Length))
        {
            match = match.NextMatch();
        }

        return match.Success ? match.Value : null;
    }

    /// <summary>"2 70%" or "2. done": a list number at the start, followed by more text.</summary>
    [GeneratedRegex(@"^(?<n>\d{1,2})(?:\s+|[.)\u3001]\s*)(?=[^\d\s%])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"(?<![\d.:/-])\d{4,8}(?![\d.:/%-])", RegexOptions.CultureInvariant)]
    private static partial Regex Code();
}
