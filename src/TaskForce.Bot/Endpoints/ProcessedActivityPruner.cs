using Microsoft.Extensions.Options;
using TaskForce.Core.Conversations;

namespace TaskForce.Bot.Endpoints;

/// <summary>
/// Forgets processed-activity ids older than the retention (channels re-deliver within seconds to minutes, §2.5),
/// once at start and then every hour.
/// </summary>
internal sealed class ProcessedActivityPruner(
    ProcessedActivityStore processed, IOptions<MessagingOptions> options, TimeProvider time, ILogger<ProcessedActivityPruner> logger)
    : BackgroundService
{
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        int deleted = await processed.DeleteOlderThanAsync(time.GetUtcNow() - options.Value.ProcessedActivityRetention, cancellationToken);
        if (deleted > 0)
        {
            logger.ProcessedActivitiesPruned(deleted);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using PeriodicTimer timer = new(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.ProcessedActivitiesPruneFailed(ex); // one bad run must not stop the host
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
