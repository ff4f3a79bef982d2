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
    Core.Escalation.StaleNotices staleNotices,
    IConnectorClient connector,
    Microsoft.Extensions.Options.IOptions<Activities.Auth.BotOptions> bot,
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

        if (await staleNotices.WhyStaleAsync(job, cancellationToken) is string stale)
        {
            return new DeliveryResult.Superseded(stale);
        }

        StoredConversationReference? stored = await references.GetLatestForMemberAsync(member.Id, cancellationToken);
        if (stored is null)
        {
            (stored, DeliveryResult? notYet) = await StartTeamsChatAsync(member, cancellationToken);
            if (notYet is not null)
            {
                return notYet;
            }
        }

        ConversationReference? reference = JsonSerializer.Deserialize(stored!.ReferenceJson, ActivityJson.Default.ConversationReference);
        if (reference is null)
        {
            return new DeliveryResult.AwaitingContact("the stored conversation cannot be read");
        }

        string locale = Locales.For(member.Locale, stored.Locale ?? bot.Value.DefaultLocale);
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

    /// <summary>
    /// A member who never wrote to the bot: in Teams, start the 1:1 chat (<c>POST v3/conversations</c> with their Entra
    /// object id, the tenant and the bot, docs/protocol.md §3.3) when the roster has their object id and a Teams conversation
    /// of the tenant is known; store it as theirs. Otherwise, or when Teams refuses (the app is not installed for them),
    /// the job waits for their first message.
    /// </summary>
    private async Task<(StoredConversationReference? Started, DeliveryResult? NotYet)> StartTeamsChatAsync(Member member, CancellationToken cancellationToken)
    {
        string? aadObjectId = await members.AadObjectIdAsync(member.Id, cancellationToken);
        if (string.IsNullOrWhiteSpace(aadObjectId))
        {
            return (null, new DeliveryResult.AwaitingContact("has not opened the bot yet and the roster has no Entra object id to start a Teams chat"));
        }

        StoredConversationReference? template = await references.GetTeamsTemplateAsync(cancellationToken);
        ConversationReference? teams = template is null ? null : JsonSerializer.Deserialize(template.ReferenceJson, ActivityJson.Default.ConversationReference);
        if (template?.TenantId is not { } tenantId || teams?.Bot?.Id is not { Length: > 0 } botId)
        {
            return (null, new DeliveryResult.AwaitingContact("has not opened the bot yet and no Teams conversation of the tenant is known to start a chat"));
        }

        ConnectorResult created = await connector.CreateConversationAsync(
            template.ServiceUrl, ConversationParameters.Personal(botId, aadObjectId, tenantId), cancellationToken);
        if (created.Outcome == ConnectorOutcome.RetryLater)
        {
            return (null, new DeliveryResult.RetryLater(created.RetryAfter, Describe(created)));
        }

        if (created.Outcome != ConnectorOutcome.Sent || string.IsNullOrEmpty(created.ConversationId))
        {
            return (null, new DeliveryResult.AwaitingContact($"has not opened the bot yet and Teams did not start a chat ({Describe(created)})"));
        }

        var reference = new ConversationReference
        {
            ChannelId = template.ChannelId,
            ServiceUrl = template.ServiceUrl,
            Bot = teams.Bot,
            User = new ChannelAccount { Id = aadObjectId, AadObjectId = aadObjectId },
            Conversation = new ConversationAccount { Id = created.ConversationId, ConversationType = "personal", TenantId = tenantId },
        };
        var started = new StoredConversationReference(
            template.ChannelId, created.ConversationId, aadObjectId, template.ServiceUrl, tenantId, "personal", null, null,
            JsonSerializer.Serialize(reference, ActivityJson.Default.ConversationReference));
        DateTimeOffset now = time.GetUtcNow();
        await references.RefreshAsync(started, now, cancellationToken);
        await references.AssignMemberAsync(started.ChannelId, started.ConversationId, started.UserId, member.Id, now, cancellationToken);
        return (started, null);
    }

    private static string Describe(ConnectorResult result) =>
        $"{result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response"} {result.ErrorCode}".Trim();
}
