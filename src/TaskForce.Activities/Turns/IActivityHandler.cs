using TaskForce.Activities.Schema;

namespace TaskForce.Activities.Turns;

/// <summary>The bot's logic for one turn. Return an invoke response for <c>invoke</c> activities (null = 501).</summary>
public interface IActivityHandler
{
    public Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken);
}
