using TaskForce.Core.Outbox;

namespace TaskForce.Bot.Operations;

/// <summary>Counts the outcome of every outbox delivery attempt made by the dispatcher.</summary>
internal sealed class MeasuredOutboxDelivery(IOutboxDelivery inner, BotMetrics metrics) : IOutboxDelivery
{
    public async Task<DeliveryResult> DeliverAsync(OutboxJob job, bool late, CancellationToken cancellationToken)
    {
        try
        {
            DeliveryResult result = await inner.DeliverAsync(job, late, cancellationToken);
            metrics.RecordDelivery(result switch
            {
                DeliveryResult.Delivered => "delivered",
                DeliveryResult.RetryLater => "retry_later",
                DeliveryResult.PermanentFailure => "permanent_failure",
                DeliveryResult.RecipientUnreachable => "recipient_unreachable",
                _ => "other",
            });
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.RecordDelivery("exception");
            throw;
        }
    }
}
