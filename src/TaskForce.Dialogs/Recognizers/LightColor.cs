namespace TaskForce.Dialogs.Recognizers;

/// <summary>The traffic light a question asks about ("red tasks this week", "yellow tasks this month").</summary>
public enum LightColor
{
    Green,
    Yellow,
    Red,
}
