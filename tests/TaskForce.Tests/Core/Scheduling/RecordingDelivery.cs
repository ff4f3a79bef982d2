using TaskForce.Core.Outbox;

namespace TaskForce.Tests.Core.Scheduling;

/// <summary>A fake connector side: records every delivery call and answers with <see cref="Behaviour"/> (delivered by default).</summary>
internal sealed class RecordingDelivery(TimeProvider time) : IOutboxDelivery
{
    private readonly Lock _gate = new();
    private readonly List<DeliveryCall> _calls = [];

    public Func<OutboxJob, DeliveryResult> Behaviour { get; set; } = _ => DeliveryResult.Success;

    /// <summary>Runs before each call; throw from it to simulate a process that stops mid-batch.</summary>
    public Func<int, Task>? BeforeCall { get; set; }

    public IReadOnlyList<DeliveryCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<DeliveryCall> Delivered => [.. Calls.Where(call => call.Result is DeliveryResult.Delivered)];

    public async Task<DeliveryResult> DeliverAsync(OutboxJob job, bool late, CancellationToken cancellationToken)
    {
        int index;
        lock (_gate)
        {
            index = _calls.Count;
        }

        if (BeforeCall is not null)
        {
            await BeforeCall(index);
        }

        DeliveryResult result = Behaviour(job);
        lock (_gate)
        {
            _calls.Add(new DeliveryCall(job, late, time.GetUtcNow(), result));
        }

        return result;
    }
}

internal sealed record DeliveryCall(OutboxJob Job, bool Late, DateTimeOffset At, DeliveryResult Result);
