using TaskForce.Core.Reports;

namespace TaskForce.Core.Tasks;

/// <summary>A task's 红黄绿灯 status; <see cref="Done"/> for finished or closed (销号) tasks.</summary>
public enum Light
{
    Green,
    Yellow,
    Red,
    Done,
}

/// <summary>Which rule turned a task yellow or red.</summary>
public enum LightReasonKind
{
    /// <summary>Past the deadline and unfinished (red).</summary>
    Overdue,

    /// <summary>An open blocker escalated past its SLA (red).</summary>
    BlockerPastSla,

    /// <summary>More points behind 序时进度 than a threshold (red or yellow).</summary>
    BehindSchedule,

    /// <summary>The deadline is near and the progress low (yellow).</summary>
    DeadlineNear,

    /// <summary>The latest report says behind, and the percent is below 序时进度 (yellow).</summary>
    ReportedBehind,
}

/// <summary>Why a task is yellow or red, with the figures its sentence names; only those of its kind are set.</summary>
public sealed record LightReason(
    LightReasonKind Kind, int PointsBehind = 0, int DaysLeft = 0, int Percent = 0, int OverdueDays = 0, string? Blocker = null);

/// <summary>A light and, when it is yellow or red, the rule that set it.</summary>
public sealed record LightResult(Light Light, LightReason? Reason);

/// <summary>
/// Traffic light from the schedule: the expected progress pro rata between start and deadline (序时进度)
/// against the latest reported percent. The first rule that applies sets the light and is its reason.
/// </summary>
public static class TrafficLight
{
    public static Light Compute(TaskProgress task, DateOnly today, TrafficLightOptions options) => Evaluate(task, today, options).Light;

    public static LightResult Evaluate(TaskProgress task, DateOnly today, TrafficLightOptions options)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(options);
        int percent = task.Percent ?? 0;
        if (task.Closed || percent >= 100)
        {
            return new LightResult(Light.Done, null);
        }

        if (today > task.Deadline)
        {
            return Red(new LightReason(LightReasonKind.Overdue, Percent: percent, OverdueDays: today.DayNumber - task.Deadline.DayNumber));
        }

        if (task.BlockerPastSla is { } blocker)
        {
            return Red(new LightReason(LightReasonKind.BlockerPastSla, Blocker: blocker));
        }

        int behind = ExpectedPercent(task.Start, task.Deadline, today) - percent;
        if (behind > options.RedBehindPoints)
        {
            return Red(new LightReason(LightReasonKind.BehindSchedule, PointsBehind: behind));
        }

        if (behind > options.YellowBehindPoints)
        {
            return Yellow(new LightReason(LightReasonKind.BehindSchedule, PointsBehind: behind));
        }

        int daysLeft = task.Deadline.DayNumber - today.DayNumber;
        if (daysLeft <= options.DeadlineNearDays && percent < options.DeadlineNearMinPercent)
        {
            return Yellow(new LightReason(LightReasonKind.DeadlineNear, DaysLeft: daysLeft, Percent: percent));
        }

        // A "behind" report at or above 序时进度 contradicts its own percent, so only the percent counts.
        if (task.ReportedBehind && behind > 0)
        {
            return Yellow(new LightReason(LightReasonKind.ReportedBehind, PointsBehind: behind));
        }

        return new LightResult(Light.Green, null);
    }

    /// <summary>
    /// The status a task shows: its latest one, except a "behind" that its percent contradicts (at or above
    /// 序时进度 on <paramref name="today"/>), which would make a task on pace look behind.
    /// </summary>
    public static string? ShownStatus(string? status, int? percent, DateOnly start, DateOnly deadline, DateOnly today) =>
        status == ReportStatuses.Behind && (percent ?? 0) >= ExpectedPercent(start, deadline, today) ? null : status;

    /// <summary>序时进度: how far a task should be by <paramref name="today"/>, 0–100.</summary>
    public static int ExpectedPercent(DateOnly start, DateOnly deadline, DateOnly today)
    {
        if (today <= start)
        {
            return 0;
        }

        if (today >= deadline)
        {
            return 100;
        }

        double span = deadline.DayNumber - start.DayNumber;
        return (int)Math.Round((today.DayNumber - start.DayNumber) * 100 / span, MidpointRounding.AwayFromZero);
    }

    private static LightResult Red(LightReason reason) => new(Light.Red, reason);

    private static LightResult Yellow(LightReason reason) => new(Light.Yellow, reason);
}

/// <summary>
/// What the light is computed from. <paramref name="BlockerPastSla"/> is the text of an open blocker escalated past
/// its SLA (the highest and oldest), null when there is none.
/// </summary>
public sealed record TaskProgress(
    DateOnly Start, DateOnly Deadline, int? Percent, bool Closed, bool ReportedBehind = false, string? BlockerPastSla = null);
