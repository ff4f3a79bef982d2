using System.Diagnostics.Metrics;

namespace TaskForce.Bot.Operations;

/// <summary>Reads the outbox depth for the gauge at most once per <see cref="MaxAge"/>; between reads it repeats the last one.</summary>
internal sealed class OutboxDepthReader(OutboxMetricsStore store, TimeProvider time, ILogger<OutboxDepthReader> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private IReadOnlyList<(string State, long Count)> _last = [];
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public IEnumerable<Measurement<long>> Read()
    {
        lock (_gate)
        {
            DateTimeOffset now = time.GetUtcNow();
            if (now - _readAt >= MaxAge)
            {
                try
                {
                    _last = store.CountByState();
                }
                catch (Microsoft.Data.Sqlite.SqliteException ex)
                {
                    logger.OutboxDepthFailed(ex);
                }

                _readAt = now;
            }

            return [.. _last.Select(row => new Measurement<long>(row.Count, new KeyValuePair<string, object?>("state", row.State)))];
        }
    }
}
