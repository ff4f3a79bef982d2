using System.Text.Json;
using TaskForce.Core.Blockers;
using TaskForce.Core.Outbox;

namespace TaskForce.Core.Escalation;

/// <summary>
/// Whether a notice that asks its recipient to act on a blocker still asks for something that can happen when it is
/// about to be sent. A notice can wait for days for a member who has not opened the bot; by then the blocker may be
/// resolved, acknowledged, or past the level the notice names, and sending it would tell the member something false.
/// Such a notice is skipped with the reason recorded. Notices that only tell what happened stay true and are sent.
/// </summary>
public sealed class StaleNotices(EscalationStore blockers)
{
    /// <summary>Why the job no longer holds, or null when it should be sent.</summary>
    public async Task<string?> WhyStaleAsync(OutboxJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.BlockerId is not long id || job.Kind is not (OutboxKinds.Escalation or OutboxKinds.EscalationRepeat or BlockerNotices.Assigned))
        {
            return null;
        }

        if (await blockers.DescribeAsync(id, cancellationToken) is not { } blocker)
        {
            return null; // the delivery reports a subject that no longer exists on its own
        }

        if (blocker.State is BlockerStates.Resolved or BlockerStates.Closed)
        {
            return "superseded: the blocker was " + blocker.State + " before the notice could be delivered";
        }

        if (job.Kind == BlockerNotices.Assigned && blocker.State != BlockerStates.Open)
        {
            return "superseded: the blocker was acknowledged before the notice could be delivered";
        }

        return job.Kind == OutboxKinds.Escalation
            && JsonSerializer.Deserialize(job.Payload, EscalationJson.Default.EscalationPayload) is { } payload
            && payload.ToLevel < blocker.Level
            ? "superseded: the blocker climbed past this level before the notice could be delivered"
            : null;
    }
}
