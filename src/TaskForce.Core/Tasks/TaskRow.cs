using System.Text.Json;
using TaskForce.Core.Reports;

namespace TaskForce.Core.Tasks;

/// <summary>
/// A non-reporter as read. Properties, not a positional record: with no rows, SQLite reports the computed count's
/// type as a blob and Dapper would find no matching constructor.
/// </summary>
internal sealed record NonReporterRow
{
    public long MemberId { get; init; }

    public string Name { get; init; } = string.Empty;

    public long OpenTasks { get; init; }

    public NonReporter ToNonReporter() => new(MemberId, Name, (int)OpenTasks);
}

/// <summary>A task row with its names, latest report and blocker counts, as the task queries read it.</summary>
internal record TaskRow
{
    public long Id { get; init; }

    public string Key { get; init; } = string.Empty;

    public long CampaignId { get; init; }

    public string CampaignName { get; init; } = string.Empty;

    public string? CampaignNameEn { get; init; }

    public string Title { get; init; } = string.Empty;

    public string? TitleEn { get; init; }

    public string Aliases { get; init; } = string.Empty;

    public long OwnerMemberId { get; init; }

    public string OwnerName { get; init; } = string.Empty;

    public long DepartmentId { get; init; }

    public string DepartmentName { get; init; } = string.Empty;

    public string? DepartmentNameEn { get; init; }

    public string StartDate { get; init; } = string.Empty;

    public string Deadline { get; init; } = string.Empty;

    public long? LatestPercent { get; init; }

    public string? LatestStatus { get; init; }

    public long? LatestReportAtMs { get; init; }

    public long? ClosedAtMs { get; init; }

    public long OpenBlockers { get; init; }

    /// <summary>The text of the task's highest, oldest open blocker escalated past its SLA; null when there is none.</summary>
    public string? EscalatedBlocker { get; init; }

    public TaskView ToView(DateOnly today, TrafficLightOptions options)
    {
        DateOnly start = TaskStore.ParseDate(StartDate);
        DateOnly deadline = TaskStore.ParseDate(Deadline);
        int? percent = LatestPercent is null ? null : (int)LatestPercent.Value;
        var progress = new TaskProgress(start, deadline, percent, ClosedAtMs is not null, LatestStatus == ReportStatuses.Behind, EscalatedBlocker);
        LightResult light = TrafficLight.Evaluate(progress, today, options);
        return new TaskView(
            Id, Key, CampaignId, CampaignName, CampaignNameEn, Title, TitleEn, JsonSerializer.Deserialize<string[]>(Aliases) ?? [],
            OwnerMemberId, OwnerName, DepartmentId, DepartmentName, DepartmentNameEn, start, deadline, percent,
            TrafficLight.ShownStatus(LatestStatus, percent, start, deadline, today),
            LatestReportAtMs is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(LatestReportAtMs.Value),
            ClosedAtMs is not null, (int)OpenBlockers, light.Light, light.Reason);
    }
}
