using Microsoft.Extensions.Options;

namespace TaskForce.Core.Outbox;

/// <summary>
/// Pacing (docs/protocol.md §5.3): at most one message per <c>PerConversationInterval</c> to a recipient — read from
/// the table, so it holds across processes — and at most <c>GlobalRatePerSecond</c> from this process. Instead
/// of sleeping, it answers when a job may go; the dispatcher reschedules the job to that instant.
/// </summary>
public sealed class OutboxPacer(OutboxReadStore reads, IOptions<OutboxOptions> options, TimeProvider time)
{
    private readonly Queue<DateTimeOffset> _recentSends = new();
    private readonly Lock _gate = new();

    /// <summary>Null when the job may be sent now, otherwise the earliest instant it may be sent.</summary>
    public async Task<DateTimeOffset?> NotBeforeAsync(long memberId, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        DateTimeOffset? last = await reads.LastSentAtAsync(memberId, cancellationToken);
        if (last is { } sent && now - sent < options.Value.PerConversationInterval)
        {
            return sent + options.Value.PerConversationInterval;
        }

        lock (_gate)
        {
            while (_recentSends.Count > 0 && now - _recentSends.Peek() >= TimeSpan.FromSeconds(1))
            {
                _recentSends.Dequeue();
            }

            return _recentSends.Count >= options.Value.GlobalRatePerSecond ? _recentSends.Peek().AddSeconds(1) : null;
        }
    }

    /// <summary>Counts a send against the global rate (call it before the network call, so concurrent sends count too).</summary>
    public void RecordSend()
    {
        lock (_gate)
        {
            _recentSends.Enqueue(time.GetUtcNow());
        }
    }
}
