namespace TaskForce.Core.Tasks;

/// <summary>A task's 红黄绿灯 status; <see cref="Done"/> for finished or closed (销号) tasks.</summary>
public enum Light
{
    Green,
    Yellow,
    Red,
    Done,
}

/// <summary>
/// Traffic light from the schedule: the expected progress pro rata between start and deadline (序时进度)
/// against the latest reported percent.
/// </summary>
public static class TrafficLight
{
    public static Light Compute(TaskProgress task, DateOnly today, TrafficLightOptions options)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(options);
        int percent = task.Percent ?? 0;
        if (task.Closed || percent >= 100)
        {
            return Light.Done;
        }

        if (today > task.Deadline || task.HasBlockerPastSla)
        {
            return Light.Red;
        }

        int behind = ExpectedPercent(task.Start, task.Deadline, today) - percent;
        if (behind > options.RedBehindPoints)
        {
            return Light.Red;
        }

        bool deadlineNear = task.Deadline.DayNumber - today.DayNumber <= options.DeadlineNearDays;
        if (behind > options.YellowBehindPoints
            || (deadlineNear && percent < options.DeadlineNearMinPercent)
            || task.ReportedBehind)
        {
            return Light.Yellow;
        }

        return Light.Green;
    }

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
}

/// <summary>What the light is computed from.</summary>
public sealed record TaskProgress(
    DateOnly Start, DateOnly Deadline, int? Percent, bool Closed, bool ReportedBehind = false, bool HasBlockerPastSla = false);
