using System.Text.Json;
using TaskForce.Activities.Connector;
using TaskForce.Activities.Schema;
using TaskForce.Core.Blockers;
using TaskForce.Core.Conversations;
using TaskForce.Core.Members;
using TaskForce.Core.Outbox;
using TaskForce.Dialogs.Rendering;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Proactive;

/// <summary>
/// Sends one outbox job: finds the member's conversation, renders the job in their language and time zone,
/// posts it through the connector, and translates the connector's answer into the dispatcher's terms.
/// </summary>
public sealed class ProactiveDelivery(
    MemberStore members,
    ConversationReferenceStore references,
    ReminderComposer reminders,
    BlockerNoticeRenderer blockerNotices,
    IConnectorClient connector,
    TimeProvider time) : IOutboxDelivery
{
    public async Task<DeliveryResult> DeliverAsync(OutboxJob job, bool late, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        Member? member = job.RecipientMemberId is long memberId ? await members.GetAsync(memberId, cancellationToken) : null;
        if (member is null)
        {
            return new DeliveryResult.PermanentFailure("recipient is not on the roster");
        }

        StoredConversationReference? stored = await references.GetLatestForMemberAsync(member.Id, cancellationToken);
        ConversationReference? reference = stored is null ? null : JsonSerializer.Deserialize(stored.ReferenceJson, ActivityJson.Default.ConversationReference);
        if (reference is null)
        {
            return new DeliveryResult.PermanentFailure("the member has not talked to the bot yet, so there is no conversation to write to");
        }

        string locale = Locales.For(member.Locale, stored!.Locale);
        // Times are shown in the member's roster zone, as the chat's own answers show them; a phone's zone says where
        // the phone is set, not where the task force meets.
        OutgoingMessage? message = job.Kind is BlockerNotices.Assigned or BlockerNotices.Update
            ? await blockerNotices.RenderAsync(job.Kind, job.BlockerId, job.Payload, locale, cancellationToken)
            : await reminders.ComposeAsync(job, new ReminderRecipient(locale, member.TimeZone), late, time.GetUtcNow(), cancellationToken);
        if (message is null)
        {
            return new DeliveryResult.PermanentFailure("what the message is about no longer exists");
        }

        // One attempt: the outbox retries on its own schedule (backoff honouring Retry-After, pacing, within its lease),
        // so an inline retry here would only hold the batch and send outside the pacer's count.
        ConnectorResult result = await connector.SendToConversationOnceAsync(reference, ActivityRenderer.ToActivity(message, reference.ChannelId), cancellationToken);
        return result.Outcome switch
        {
            ConnectorOutcome.Sent => DeliveryResult.Success,
            ConnectorOutcome.RetryLater => new DeliveryResult.RetryLater(result.RetryAfter, Describe(result)),
            ConnectorOutcome.ConversationDead => new DeliveryResult.RecipientUnreachable(Describe(result)),
            _ => new DeliveryResult.PermanentFailure(Describe(result)),
        };
    }

    private static string Describe(ConnectorResult result) =>
        $"{result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response"} {result.ErrorCode}".Trim();
}
