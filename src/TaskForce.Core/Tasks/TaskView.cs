namespace TaskForce.Core.Tasks;

/// <summary>
/// A task as shown to members: its schedule, latest report and traffic light, with the reason for a yellow or red
/// one. <see cref="Status"/> leaves out a "behind" that the percent contradicts (see <see cref="TrafficLight.ShownStatus"/>).
/// </summary>
public sealed record TaskView(
    long Id,
    string Key,
    long CampaignId,
    string CampaignName,
    string? CampaignNameEn,
    string Title,
    string? TitleEn,
    IReadOnlyList<string> Aliases,
    long OwnerMemberId,
    string OwnerName,
    long DepartmentId,
    string DepartmentName,
    string? DepartmentNameEn,
    DateOnly Start,
    DateOnly Deadline,
    int? Percent,
    string? Status,
    DateTimeOffset? LastReportAt,
    bool Closed,
    int OpenBlockers,
    Light Light,
    LightReason? Reason = null)
{
    public string LocalTitle(string locale) => Localized(locale, Title, TitleEn);

    public string LocalCampaign(string locale) => Localized(locale, CampaignName, CampaignNameEn);

    public string LocalDepartment(string locale) => Localized(locale, DepartmentName, DepartmentNameEn);

    public int ExpectedPercent(DateOnly today) => TrafficLight.ExpectedPercent(Start, Deadline, today);

    private static string Localized(string locale, string zh, string? en) =>
        locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(en) ? en : zh;
}

/// <summary>Which tasks a query asks for; every field narrows, null means any.</summary>
public sealed record TaskFilter
{
    public long? TaskId { get; init; }

    public long? CampaignId { get; init; }

    public long? DepartmentId { get; init; }

    public long? OwnerMemberId { get; init; }

    public DateOnly? DueFrom { get; init; }

    public DateOnly? DueTo { get; init; }

    /// <summary>Only unfinished tasks whose deadline is before this date.</summary>
    public DateOnly? OverdueBefore { get; init; }

    public bool IncludeClosed { get; init; }
}
