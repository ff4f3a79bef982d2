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
            // Every name and note came from a person (a chat, a roster file), so it is Text; only ids, numbers and times are not.
            ExportKind.Reports => Csv.Build(s_reportHeader, (await store.ListReportsAsync(start, end, cancellationToken)).Select(r => (IReadOnlyList<CsvCell>)
                [
                    Number(r.Id), TimeCell(r.CreatedAtMs), Text(r.Campaign), Text(r.TaskKey), Text(r.Task), Text(r.Department), Text(r.Reporter),
                    Number(r.Percent), Text(r.Status), Text(r.Text), Text(r.ChannelId), TimeCell(r.AmendedAtMs),
                ])),
            ExportKind.Blockers => Csv.Build(s_blockerHeader, (await store.ListBlockersAsync(start, end, cancellationToken)).Select(b => (IReadOnlyList<CsvCell>)
                [
                    Number(b.Id), TimeCell(b.RaisedAtMs), Text(b.Campaign), Text(b.TaskKey), Text(b.Task), Text(b.Department), Text(b.RaisedBy),
                    Text(b.Severity), Number(b.Level), Text(b.State), Text(b.DepartmentsNeeded), Text(b.Category), Text(b.Text), Text(b.Owner),
                    TimeCell(b.AcknowledgedAtMs), TimeCell(b.ResolvedAtMs), Text(b.ResolutionNote), TimeCell(b.ClosedAtMs),
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

    private static CsvCell Number(long? value) => CsvCell.Number(value);

    private static CsvCell Text(string? value) => CsvCell.Text(value);

    private static CsvCell TimeCell(long? unixMs) => CsvCell.Formatted(Time(unixMs));

    private static DateTimeOffset StartOfDay(DateOnly day)
    {
        DateTime local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, s_zone.GetUtcOffset(local));
    }
}
