using System.Collections.Frozen;

namespace TaskForce.Core.Meetings;

/// <summary>
/// A recurring meeting (例会) of a campaign; <see cref="StartLocal"/> is the first occurrence's wall time in <see cref="TimeZone"/>.
/// <see cref="Exceptions"/> are the local dates, as the RRULE places them, of occurrences that do not take place (EXDATE).
/// </summary>
public sealed record Meeting(
    long Id,
    long CampaignId,
    string Key,
    string Title,
    string? TitleEn,
    string RRule,
    DateTime StartLocal,
    string TimeZone,
    int DurationMinutes,
    string? Location,
    HolidayPolicy HolidayPolicy,
    IReadOnlyList<int> ReminderOffsetsMinutes,
    DateTimeOffset? CancelledAt,
    int Version)
{
    public IReadOnlySet<DateOnly> Exceptions { get; init; } = FrozenSet<DateOnly>.Empty;
}

/// <summary>What happens to an occurrence that falls on a day off.</summary>
public enum HolidayPolicy
{
    /// <summary>The occurrence is dropped.</summary>
    Skip,

    /// <summary>The occurrence moves to the same local time on the next working day.</summary>
    NextWorkday,

    /// <summary>The meeting takes place anyway.</summary>
    Keep,
}

/// <summary>One occurrence; <see cref="ScheduledStart"/> differs from <see cref="Start"/> when a holiday moved it.</summary>
public sealed record MeetingOccurrence(Meeting Meeting, DateTimeOffset Start, DateTimeOffset ScheduledStart)
{
    public bool Moved => Start != ScheduledStart;

    public DateTimeOffset End => Start.AddMinutes(Meeting.DurationMinutes);
}

/// <summary>A member expected at a meeting, with what is needed to write to them.</summary>
public sealed record Attendee(long MemberId, string Name, string? NameEn, string Locale, string TimeZone);

/// <summary>An item decided at an occurrence (议定事项).</summary>
public sealed record MeetingDecision(long Id, string Text, long? OwnerMemberId, string? DueDate, bool Done);
