namespace TaskForce.Bot.Operations;

/// <summary>
/// The intent of the turn in progress: the dialog handler sets it once the dialogs have run, so the turn metrics
/// (<see cref="MeasuredActivityHandler"/>) can be tagged with it.
/// </summary>
internal sealed class TurnIntent
{
    private static readonly AsyncLocal<TurnIntent?> CurrentTurn = new();

    public string? Intent { get; set; }

    public static TurnIntent? Current => CurrentTurn.Value;

    /// <summary>Starts a turn on this async flow; the handler called afterwards sees it as <see cref="Current"/>.</summary>
    public static TurnIntent Begin()
    {
        var intent = new TurnIntent();
        CurrentTurn.Value = intent;
        return intent;
    }
}
