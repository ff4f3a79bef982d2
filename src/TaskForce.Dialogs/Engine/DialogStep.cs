namespace TaskForce.Dialogs.Engine;

internal enum StepKind
{
    /// <summary>The dialog asked a question and waits with the new state.</summary>
    Wait,

    /// <summary>The dialog finished.</summary>
    Done,

    /// <summary>The answer could not be used; the state stays, the engine counts it and asks again.</summary>
    NotUnderstood,

    /// <summary>The dialog finished and hands over to another dialog.</summary>
    Then,
}

/// <summary>What a dialog step returns: the next state (never a sentence; replies go through the context).</summary>
internal readonly record struct DialogStep<TState>(StepKind Kind, TState? State, string? NextDialog = null, DialogSeed? NextSeed = null)
{
    public static DialogStep<TState> Wait(TState state) => new(StepKind.Wait, state);

    public static DialogStep<TState> Done() => new(StepKind.Done, default);

    public static DialogStep<TState> NotUnderstood() => new(StepKind.NotUnderstood, default);

    public static DialogStep<TState> Then(string dialog, DialogSeed seed) => new(StepKind.Then, default, dialog, seed);
}
