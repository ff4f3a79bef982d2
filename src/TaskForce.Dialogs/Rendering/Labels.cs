using System.Diagnostics;
using System.Globalization;
using TaskForce.Core.Tasks;
using TaskForce.Dialogs.Engine;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Rendering;

/// <summary>Short localized labels for values shown in many messages.</summary>
internal static class Labels
{
    public static string Light(DialogContext context, Light light) => context.T(new TextKey("common", LightKey(light)));

    public static string LightKey(Light light) => light switch
    {
        Core.Tasks.Light.Green => "light-green",
        Core.Tasks.Light.Yellow => "light-yellow",
        Core.Tasks.Light.Red => "light-red",
        _ => "light-done",
    };

    /// <summary>A marker that reads on every phone without colours.</summary>
    public static string LightMark(Light light) => light switch
    {
        Core.Tasks.Light.Green => "\U0001F7E2",
        Core.Tasks.Light.Yellow => "\U0001F7E1",
        Core.Tasks.Light.Red => "\U0001F534",
        _ => "\u2705",
    };

    /// <summary>Why a task is yellow or red, in the reader's language: "24 points behind expected progress".</summary>
    public static string Reason(DialogContext context, LightReason reason)
    {
        (TextKey key, (string, object?)[] args) = ReasonText(reason);
        return context.T(key, args);
    }

    /// <summary>The text and figures of <see cref="Reason(DialogContext, LightReason)"/>, for renderers without a dialog context.</summary>
    public static (TextKey Key, (string Name, object? Value)[] Args) ReasonText(LightReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return reason.Kind switch
        {
            LightReasonKind.Overdue when reason.OverdueDays == 1 => (new TextKey("queries", "reason-overdue-one"), []),
            LightReasonKind.Overdue => (new TextKey("queries", "reason-overdue"), [("days", reason.OverdueDays)]),
            LightReasonKind.BlockerPastSla => (new TextKey("queries", "reason-blocker"), [("text", reason.Blocker)]),
            LightReasonKind.BehindSchedule => (new TextKey("queries", "reason-behind"), [("points", reason.PointsBehind)]),
            LightReasonKind.DeadlineNear when reason.DaysLeft == 0 => (new TextKey("queries", "reason-due-today"), [("percent", reason.Percent)]),
            LightReasonKind.DeadlineNear when reason.DaysLeft == 1 => (new TextKey("queries", "reason-deadline-near-one"), [("percent", reason.Percent)]),
            LightReasonKind.DeadlineNear => (new TextKey("queries", "reason-deadline-near"), [("days", reason.DaysLeft), ("percent", reason.Percent)]),
            LightReasonKind.ReportedBehind => (new TextKey("queries", "reason-reported-behind"), [("points", reason.PointsBehind)]),
            _ => throw new UnreachableException(),
        };
    }

    /// <summary>"yellow (24 points behind expected progress)", or the light alone when it has no reason.</summary>
    public static string LightWithReason(DialogContext context, Light light, LightReason? reason) =>
        reason is null
            ? Light(context, light)
            : context.T(new TextKey("queries", "light-with-reason"), ("light", Light(context, light)), ("reason", Reason(context, reason)));

    public static string Status(DialogContext context, string? status) =>
        status is null ? context.T(new TextKey("report-progress", "none")) : context.T(new TextKey("report-progress", "status-" + status));

    /// <summary>"70%", or the status when no percent was given, or both.</summary>
    public static string Progress(DialogContext context, int? percent, string? status) => (percent, status) switch
    {
        (null, null) => context.T(new TextKey("report-progress", "none")),
        (null, _) => Status(context, status),
        (_, null) => Percent(percent.Value),
        _ => Percent(percent.Value) + " · " + Status(context, status),
    };

    public static string Percent(int percent) => percent.ToString(CultureInfo.InvariantCulture) + "%";
}
