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
