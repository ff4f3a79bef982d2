using System.Text.Json;

namespace TaskForce.Dialogs.Engine;

/// <summary>The engine's view of a dialog; dialogs derive from <see cref="Dialog{TState}"/> and stay typed.</summary>
internal interface IDialog
{
    public string Name { get; }

    public Task<(StepKind Kind, JsonElement? State, string? Next, DialogSeed? Seed)> BeginAsync(DialogContext context, DialogSeed seed, CancellationToken cancellationToken);

    public Task<(StepKind Kind, JsonElement? State, string? Next, DialogSeed? Seed)> ContinueAsync(DialogContext context, JsonElement state, CancellationToken cancellationToken);

    /// <summary>Asks the current question again (after help, an interruption, "back" or a misunderstood answer).</summary>
    public Task RepromptAsync(DialogContext context, JsonElement state, CancellationToken cancellationToken);

    /// <summary>What "cancel" tells the member at this point: by default that nothing was saved.</summary>
    public Texts.TextKey CancelledText(JsonElement state);
}
