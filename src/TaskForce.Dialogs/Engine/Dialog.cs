using System.Text.Json;

namespace TaskForce.Dialogs.Engine;

/// <summary>A dialog with a typed state record; the engine stores the state as JSON between turns.</summary>
internal abstract class Dialog<TState> : IDialog
    where TState : class
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public abstract string Name { get; }

    protected abstract Task<DialogStep<TState>> BeginAsync(DialogContext context, DialogSeed seed, CancellationToken cancellationToken);

    protected abstract Task<DialogStep<TState>> ContinueAsync(DialogContext context, TState state, CancellationToken cancellationToken);

    protected abstract Task PromptAsync(DialogContext context, TState state, CancellationToken cancellationToken);

    async Task<(StepKind, JsonElement?, string?, DialogSeed?)> IDialog.BeginAsync(DialogContext context, DialogSeed seed, CancellationToken cancellationToken) =>
        Convert(await BeginAsync(context, seed, cancellationToken));

    async Task<(StepKind, JsonElement?, string?, DialogSeed?)> IDialog.ContinueAsync(DialogContext context, JsonElement state, CancellationToken cancellationToken) =>
        Convert(await ContinueAsync(context, Read(state), cancellationToken));

    Task IDialog.RepromptAsync(DialogContext context, JsonElement state, CancellationToken cancellationToken) =>
        PromptAsync(context, Read(state), cancellationToken);

    Texts.TextKey IDialog.CancelledText(JsonElement state) => CancelledText(Read(state));

    /// <summary>
    /// What "cancel" says in <paramref name="state"/>: "cancelled, nothing saved" unless the dialog has already saved
    /// something by then (a report saved before the offer to escalate), which it then must not deny.
    /// </summary>
    protected virtual Texts.TextKey CancelledText(TState state) => new("common", "cancelled");

    /// <summary>Asks the question of <paramref name="state"/> and waits for the answer.</summary>
    protected async Task<DialogStep<TState>> AskAsync(DialogContext context, TState state, CancellationToken cancellationToken)
    {
        await PromptAsync(context, state, cancellationToken);
        return DialogStep<TState>.Wait(state);
    }

    private static TState Read(JsonElement state) =>
        state.Deserialize<TState>(s_json) ?? throw new JsonException($"Empty state for {typeof(TState).Name}.");

    private static (StepKind, JsonElement?, string?, DialogSeed?) Convert(DialogStep<TState> step) =>
        (step.Kind, step.State is null ? null : JsonSerializer.SerializeToElement(step.State, s_json), step.NextDialog, step.NextSeed);
}
