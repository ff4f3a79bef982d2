namespace TaskForce.Bot.Operations;

/// <summary>
/// The intent of the turn in progress. The dialog handler announces it in its "Turn … intent …" log line
/// (event 4211); <see cref="TurnIntentLoggerProvider"/> copies it here so the turn metrics can be tagged with it.
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
