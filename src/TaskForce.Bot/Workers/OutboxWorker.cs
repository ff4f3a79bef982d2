using Microsoft.Extensions.Options;
using TaskForce.Core.Outbox;

namespace TaskForce.Bot.Workers;

/// <summary>
/// Dispatches the outbox every <c>Outbox:PollInterval</c> (STYLE.md §4.10: the logic is
/// <see cref="OutboxDispatcher.DispatchDueAsync"/>). A full batch is followed at once by the next one; on
/// shutdown the unprocessed claims are released so another instance can take them without waiting for the lease.
/// </summary>
internal sealed class OutboxWorker(
    OutboxDispatcher dispatcher, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using PeriodicTimer timer = new(options.Value.PollInterval, time);
        do
        {
            try
            {
                DispatchSummary summary;
                do
                {
                    summary = await dispatcher.DispatchDueAsync(stoppingToken);
                }
                while (summary.Claimed >= options.Value.BatchSize);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.OutboxTickFailed(ex); // one bad tick must not stop the host
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        int released = await dispatcher.ReleaseLeasesAsync(cancellationToken);
        logger.OutboxLeasesReleased(released);
    }
}
