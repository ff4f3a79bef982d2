using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace TaskForce.Core.Calendar;

/// <summary>IANA zones by id (TimeZoneInfo understands IANA ids on Linux and, through ICU, on Windows).</summary>
public static class TimeZones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> s_cache = new(StringComparer.Ordinal);

    public static TimeZoneInfo Find(string id) =>
        TryFind(id, out TimeZoneInfo? zone) ? zone : throw new ArgumentException($"Unknown time zone '{id}'.", nameof(id));

    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        if (s_cache.TryGetValue(id, out zone))
        {
            return true;
        }

        try
        {
            zone = s_cache.GetOrAdd(id, TimeZoneInfo.FindSystemTimeZoneById);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>A local wall time in <paramref name="zone"/> as UTC; a time skipped by a DST jump moves forward by the jump.</summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        DateTime unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
    }

    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(ToLocal(instant, zone));
}
