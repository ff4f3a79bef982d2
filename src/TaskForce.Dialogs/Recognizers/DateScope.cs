namespace TaskForce.Dialogs.Recognizers;

/// <summary>The period a message refers to; <see cref="RecognizedEntities.Dates"/> holds the concrete days.</summary>
public enum DateScope
{
    None,
    Overdue,
    Today,
    ThisWeek,
    NextWeek,
    ThisMonth,
    NextDays,
    ByDate,
}
