namespace TaskForce.Dialogs.Recognizers;

/// <summary>Everything the recognizer could read from a message; absent values are null or empty.</summary>
public sealed record RecognizedEntities
{
    public static RecognizedEntities Empty { get; } = new();

    /// <summary>Referenced tasks: none found, one unique match, or several when the reference is ambiguous.</summary>
    public IReadOnlyList<long> TaskIds { get; init; } = [];

    /// <summary>A number picked from a list shown earlier ("2", "#2", "task 2").</summary>
    public int? ListNumber { get; init; }

    public int? Percent { get; init; }

    public ReportStatus? Status { get; init; }

    public DateScope DateScope { get; init; }

    public DateRange? Dates { get; init; }

    /// <summary>N in "next N days".</summary>
    public int? NextDays { get; init; }

    /// <summary>A forecast or deadline date ("by Friday", "end of month").</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>Every roster department named, by full name, alias or a partial name only one department has.</summary>
    public IReadOnlyList<long> DepartmentIds { get; init; } = [];

    /// <summary>Names that look like departments (a housing bureau) but are not in the roster, as written.</summary>
    public IReadOnlyList<string> UnknownDepartments { get; init; } = [];

    /// <summary>
    /// A vague amount instead of a figure ("most of it", "almost done"): the percentages to offer as buttons when asking for
    /// the number; null when the message gave a figure or a status, or nothing vague.
    /// </summary>
    public IReadOnlyList<int>? VagueChoices { get; init; }

    /// <summary>Partial names several roster departments contain, with the departments each could be.</summary>
    public IReadOnlyList<AmbiguousName> AmbiguousDepartments { get; init; } = [];

    /// <summary>Some department name could not be settled (unknown or ambiguous): ask before recording any.</summary>
    public bool HasUnsettledDepartments => UnknownDepartments.Count > 0 || AmbiguousDepartments.Count > 0;

    public IReadOnlyList<long> CampaignIds { get; init; } = [];

    public Severity? Severity { get; init; }

    /// <summary>The traffic light a deadline or status question asks about ("red tasks this week").</summary>
    public LightColor? Light { get; init; }

    /// <summary>The problem part of the message ("waiting for permit").</summary>
    public string? BlockerText { get; init; }

    /// <summary>The rest of the message once the other entities are taken out (next steps, remarks).</summary>
    public string? Note { get; init; }

    public string? LinkCode { get; init; }

    /// <summary>"zh-CN" or "en-US" when the member asks to switch language.</summary>
    public string? Language { get; init; }
}
