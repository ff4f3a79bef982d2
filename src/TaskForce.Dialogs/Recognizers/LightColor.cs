namespace TaskForce.Dialogs.Recognizers;

/// <summary>The traffic light a question asks about ("本周红灯任务", "yellow tasks this month").</summary>
public enum LightColor
{
    Green,
    Yellow,
    Red,
}
