using System.Globalization;

namespace TaskForce.Core.Export;

/// <summary>
/// Builds the CSV files for assessment and review: reports or blockers whose time falls in [from, to] (whole days
/// in Asia/Shanghai), times shown in Asia/Shanghai, names instead of ids.
/// </summary>
public sealed class CsvExporter(ExportStore store)
{
    public const string TimeZoneId = "Asia/Shanghai";

    private static readonly string[] s_reportHeader =
        ["id", "reported_at", "campaign", "task_key", "task", "department", "reporter", "percent", "status", "text", "channel", "amended_at"];

    private static readonly string[] s_blockerHeader =
    [
        "id", "raised_at", "campaign", "task_key", "task", "department", "raised_by", "severity", "level", "state",
        "departments_needed", "category", "text", "owner", "acknowledged_at", "resolved_at", "resolution_note", "closed_at",
    ];

    private static readonly TimeZoneInfo s_zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public async Task<string> BuildAsync(ExportKind kind, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (to < from)
        {
            throw new ArgumentException("The range ends before it starts.", nameof(to));
        }

        DateTimeOffset start = StartOfDay(from);
        DateTimeOffset end = StartOfDay(to.AddDays(1));
        return kind switch
        {
            ExportKind.Reports => Csv.Build(s_reportHeader, (await store.ListReportsAsync(start, end, cancellationToken)).Select(r => (IReadOnlyList<string?>)
                [Number(r.Id), Time(r.CreatedAtMs), r.Campaign, r.TaskKey, r.Task, r.Department, r.Reporter, Number(r.Percent), r.Status, r.Text, r.ChannelId, Time(r.AmendedAtMs)])),
            ExportKind.Blockers => Csv.Build(s_blockerHeader, (await store.ListBlockersAsync(start, end, cancellationToken)).Select(b => (IReadOnlyList<string?>)
                [
                    Number(b.Id), Time(b.RaisedAtMs), b.Campaign, b.TaskKey, b.Task, b.Department, b.RaisedBy, b.Severity, Number(b.Level), b.State,
                    b.DepartmentsNeeded, b.Category, b.Text, b.Owner, Time(b.AcknowledgedAtMs), Time(b.ResolvedAtMs), b.ResolutionNote, Time(b.ClosedAtMs),
                ])),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>Writes the CSV as UTF-8 with a byte-order mark.</summary>
    public async Task WriteAsync(ExportKind kind, DateOnly from, DateOnly to, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        string csv = await BuildAsync(kind, from, to, cancellationToken);
        byte[] preamble = Csv.Encoding.GetPreamble();
        await destination.WriteAsync(preamble, cancellationToken);
        await destination.WriteAsync(Csv.Encoding.GetBytes(csv), cancellationToken);
    }

    public static string? Time(long? unixMs) => unixMs is null
        ? null
        : TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(unixMs.Value), s_zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset StartOfDay(DateOnly day)
    {
        DateTime local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, s_zone.GetUtcOffset(local));
    }
}
