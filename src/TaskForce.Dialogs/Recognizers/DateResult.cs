namespace TaskForce.Dialogs.Recognizers;

/// <summary>The date entities read from one message.</summary>
internal readonly record struct DateResult(DateScope Scope, DateRange? Dates, int? NextDays, DateOnly? DueDate);
