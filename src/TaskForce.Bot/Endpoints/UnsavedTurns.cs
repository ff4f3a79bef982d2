using System.Runtime.CompilerServices;
using TaskForce.Activities.Turns;

namespace TaskForce.Bot.Endpoints;

/// <summary>
/// Turns whose dialog work was rolled back (the database was busy, or the turn failed): the user was asked to send
/// again, so the activity must not be recorded as processed — a re-delivery of the same activity has to run, not be
/// dropped as a duplicate. The dialog handler adds the turn; <see cref="TurnRunner"/> takes it out.
/// </summary>
internal sealed class UnsavedTurns
{
    // Weak keys: a turn whose runner never asks (a decorator threw) does not stay in memory.
    private readonly ConditionalWeakTable<TurnContext, object> _turns = [];

    public void Add(TurnContext turn) => _turns.AddOrUpdate(turn, turn);

    public bool Remove(TurnContext turn) => _turns.Remove(turn);
}
