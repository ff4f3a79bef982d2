using System.Diagnostics;
using TaskForce.Activities.Schema;
using TaskForce.Activities.Turns;

namespace TaskForce.Bot.Operations;

/// <summary>Wraps the real handler: one trace span and one latency/intent measurement per incoming activity.</summary>
internal sealed class MeasuredActivityHandler(IActivityHandler inner, BotMetrics metrics, TimeProvider time) : IActivityHandler
{
    public async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        string activityType = turn.Activity.Type ?? "unknown";
        using Activity? span = BotMetrics.Source.StartActivity("turn");
        span?.SetTag("activity.type", activityType);
        span?.SetTag("activity.id", turn.Activity.Id);
        TurnIntent intent = TurnIntent.Begin();
        long started = time.GetTimestamp();
        string status = "error";
        try
        {
            InvokeResponse? response = await inner.OnTurnAsync(turn, cancellationToken);
            status = "ok";
            return response;
        }
        finally
        {
            string tag = intent.Intent ?? "none";
            span?.SetTag("intent", tag);
            span?.SetStatus(status == "ok" ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
            metrics.RecordTurn(time.GetElapsedTime(started).TotalMilliseconds, tag, activityType);
        }
    }
}
