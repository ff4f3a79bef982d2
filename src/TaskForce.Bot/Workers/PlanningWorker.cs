using Microsoft.Extensions.Options;
using TaskForce.Core.Escalation;
using TaskForce.Core.Scheduling;

namespace TaskForce.Bot.Workers;

/// <summary>
/// Every <c>Scheduling:PlanInterval</c>: materializes meeting reminders and nudges for the horizon and runs the
/// blocker SLA check. Both are idempotent, so several instances may run them on one database.
/// </summary>
internal sealed class PlanningWorker(
    ReminderPlanner planner, EscalationService escalation, IOptions<SchedulingOptions> options, TimeProvider time, ILogger<PlanningWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using PeriodicTimer timer = new(options.Value.PlanInterval, time);
        do
        {
            try
            {
                await planner.MaterializeAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.PlanningTickFailed(ex);
            }

            try
            {
                int raised = await escalation.CheckAsync(time.GetUtcNow(), stoppingToken);
                if (raised > 0)
                {
                    logger.EscalationsRaised(raised);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.EscalationTickFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
