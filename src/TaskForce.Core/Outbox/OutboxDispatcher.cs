using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TaskForce.Core.Outbox;

/// <summary>
/// Claims due jobs and delivers them, one outcome recorded per job right after its delivery, so a dispatcher
/// stopped mid-batch leaves only its unsent claims behind, which come back when their lease ends. The loop
/// around <see cref="DispatchDueAsync"/> lives in the host's OutboxWorker.
/// </summary>
public sealed class OutboxDispatcher(
    OutboxStore store,
    OutboxPacer pacer,
    NoiseBudget budget,
    IOutboxDelivery delivery,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    public const string MeetingStartedReason = "meeting already started";

    // The table knows when a member's last message was sent; attempts the channel refused (429, 5xx) are known only
    // here. Without them, several jobs to one member that were throttled together would retry in the same instant.
    private readonly ConcurrentDictionary<long, DateTimeOffset> _lastAttempts = new();

    /// <summary>This dispatcher's lease owner id: unique per instance, so two processes never share one.</summary>
    public string Owner { get; } = string.Create(
        CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");

    /// <summary>
    /// Claims one batch of due jobs and processes each; returns what became of them. A delivery starts only while at
    /// least half of the claim's lease remains, so that it ends before another process may take the job over; once
    /// that point has passed (slow or timing-out sends) the rest of the batch is given back, counted as LeaseLost.
    /// </summary>
    public async Task<DispatchSummary> DispatchDueAsync(CancellationToken cancellationToken)
    {
        OutboxOptions settings = options.Value;
        DateTimeOffset claimedAt = time.GetUtcNow();
        IReadOnlyList<OutboxJob> jobs = await store.ClaimDueAsync(claimedAt, settings.Lease, Owner, settings.BatchSize, cancellationToken);
        DateTimeOffset lastStart = claimedAt + (settings.Lease / 2);
        var summary = new DispatchSummary();
        for (int i = 0; i < jobs.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (time.GetUtcNow() >= lastStart)
            {
                int released = await store.ReleaseLeasesAsync(Owner, cancellationToken);
                logger.OutboxBatchGivenBack(jobs.Count - i, released);
                for (; i < jobs.Count; i++)
                {
                    summary.Add(DispatchOutcome.LeaseLost);
                }

                break;
            }

            summary.Add(await ProcessAsync(jobs[i], settings, cancellationToken));
        }

        return summary;
    }

    /// <summary>Gives back this dispatcher's unprocessed claims (on shutdown).</summary>
    public Task<int> ReleaseLeasesAsync(CancellationToken cancellationToken) => store.ReleaseLeasesAsync(Owner, cancellationToken);

    private async Task<DispatchOutcome> ProcessAsync(OutboxJob job, OutboxOptions settings, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        if (job.NotAfter is { } notAfter && now >= notAfter)
        {
            logger.OutboxSkipped(job.Id, job.Kind, MeetingStartedReason);
            return await RecordAsync(job, store.CompleteAsync(job.Id, Owner, OutboxState.Skipped, MeetingStartedReason, attempted: false, now, cancellationToken), DispatchOutcome.Skipped);
        }

        if (job.RecipientMemberId is not { } memberId)
        {
            return await FailAsync(job, "no recipient", attempted: false, cancellationToken);
        }

        if ((await pacer.NotBeforeAsync(memberId, cancellationToken) ?? AttemptedRecently(memberId, now, settings)) is { } notBefore)
        {
            return await RecordAsync(job, store.RescheduleAsync(job.Id, Owner, notBefore, error: null, attempted: false, cancellationToken), DispatchOutcome.Deferred);
        }

        if (await budget.TryFoldAsync(job, Owner, now, cancellationToken) is { } digestKey)
        {
            logger.OutboxDigested(job.Id, digestKey);
            return DispatchOutcome.Digested;
        }

        bool late = now - job.DueAt > settings.LateAfter;
        pacer.RecordSend();
        _lastAttempts[memberId] = now;
        DeliveryResult result;
        try
        {
            result = await delivery.DeliverAsync(job, late, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.OutboxDeliveryThrew(ex, job.Id);
            result = new DeliveryResult.RetryLater(null, ex.GetType().Name);
        }

        return await RecordResultAsync(job, memberId, late, result, settings, cancellationToken);
    }

    private async Task<DispatchOutcome> RecordResultAsync(
        OutboxJob job, long memberId, bool late, DeliveryResult result, OutboxOptions settings, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        switch (result)
        {
            case DeliveryResult.Delivered:
                logger.OutboxSent(job.Id, job.Kind, memberId, late);
                return await RecordAsync(job, store.CompleteAsync(job.Id, Owner, OutboxState.Sent, late ? "late" : null, attempted: true, now, cancellationToken), DispatchOutcome.Sent);
            case DeliveryResult.RecipientUnreachable unreachable:
                logger.OutboxRecipientUnreachable(memberId, unreachable.Reason);
                return await RecordAsync(job, store.FailUnreachableAsync(job.Id, Owner, memberId, unreachable.Reason, now, cancellationToken), DispatchOutcome.Failed);
            case DeliveryResult.AwaitingContact waiting:
                logger.OutboxAwaitingContact(job.Id, job.Kind, memberId, waiting.Reason);
                return await RecordAsync(job, store.WaitForContactAsync(job.Id, Owner, waiting.Reason, now, cancellationToken), DispatchOutcome.Waiting);
            case DeliveryResult.Superseded superseded:
                logger.OutboxSkipped(job.Id, job.Kind, superseded.Reason);
                return await RecordAsync(job, store.CompleteAsync(job.Id, Owner, OutboxState.Skipped, superseded.Reason, attempted: false, now, cancellationToken), DispatchOutcome.Skipped);
            case DeliveryResult.PermanentFailure failure:
                return await FailAsync(job, failure.Reason, attempted: true, cancellationToken);
            case DeliveryResult.RetryLater retry when job.Attempts + 1 >= settings.MaxAttempts:
                return await FailAsync(job, $"gave up after {job.Attempts + 1} attempts: {retry.Reason ?? "throttled"}", attempted: true, cancellationToken);
            case DeliveryResult.RetryLater retry:
                DateTimeOffset next = now + RetryDelay(job, retry.RetryAfter, settings);
                logger.OutboxRetrying(job.Id, next, job.Attempts + 1, retry.Reason);
                return await RecordAsync(job, store.RescheduleAsync(job.Id, Owner, next, retry.Reason ?? "retry later", attempted: true, cancellationToken), DispatchOutcome.Retrying);
            default:
                throw new InvalidOperationException($"Unknown delivery result {result}.");
        }
    }

    /// <summary>
    /// Exponential backoff from <c>RetryBaseDelay</c>, never shorter than the channel's Retry-After, capped at
    /// <c>RetryMaxDelay</c>, plus up to 20 % jitter so that throttled jobs do not return in lockstep. The jitter is
    /// derived from the job and attempt, so a run is reproducible.
    /// </summary>
    public static TimeSpan RetryDelay(OutboxJob job, TimeSpan? retryAfter, OutboxOptions settings)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(settings);
        double exponential = settings.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(job.Attempts, 20));
        double delay = Math.Min(Math.Max(exponential, retryAfter?.TotalMilliseconds ?? 0), settings.RetryMaxDelay.TotalMilliseconds);
        double jitter = (((job.Id * 7919) + (job.Attempts * 104729)) % 1000) / 5000.0;
        return TimeSpan.FromMilliseconds(Math.Max(delay, retryAfter?.TotalMilliseconds ?? 0) * (1 + jitter));
    }

    /// <summary>When this dispatcher last tried the member less than <c>PerConversationInterval</c> ago, the instant it may try again.</summary>
    private DateTimeOffset? AttemptedRecently(long memberId, DateTimeOffset now, OutboxOptions settings)
    {
        if (_lastAttempts.Count > 10_000)
        {
            foreach ((long member, DateTimeOffset at) in _lastAttempts)
            {
                if (now - at >= settings.PerConversationInterval)
                {
                    _lastAttempts.TryRemove(member, out _);
                }
            }
        }

        return _lastAttempts.TryGetValue(memberId, out DateTimeOffset last) && now - last < settings.PerConversationInterval
            ? last + settings.PerConversationInterval
            : null;
    }

    private async Task<DispatchOutcome> FailAsync(OutboxJob job, string reason, bool attempted, CancellationToken cancellationToken)
    {
        logger.OutboxFailed(job.Id, job.Kind, reason);
        return await RecordAsync(job, store.CompleteAsync(job.Id, Owner, OutboxState.Failed, reason, attempted, time.GetUtcNow(), cancellationToken), DispatchOutcome.Failed);
    }

    private async Task<DispatchOutcome> RecordAsync(OutboxJob job, Task<bool> update, DispatchOutcome outcome)
    {
        if (await update)
        {
            return outcome;
        }

        logger.OutboxLeaseLost(job.Id);
        return DispatchOutcome.LeaseLost;
    }
}
