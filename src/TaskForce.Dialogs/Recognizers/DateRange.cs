namespace TaskForce.Dialogs.Recognizers;

/// <summary>An inclusive range of days.</summary>
public sealed record DateRange(DateOnly From, DateOnly To);
