using System.Text.Json;
using TaskForce.Activities.Auth;
using TaskForce.Activities.Schema;
using TaskForce.Core.Conversations;

namespace TaskForce.Bot.Endpoints;

/// <summary>Stores the conversation reference of every validated activity, refreshing its service URL (§3.3).</summary>
internal sealed class ConversationReferenceCapture(ConversationReferenceStore references, TimeProvider time)
{
    public Task CaptureAsync(BotActivity activity, CancellationToken cancellationToken)
    {
        if (activity.ChannelId is not { Length: > 0 } channelId
            || activity.Conversation?.Id is not { Length: > 0 } conversationId
            || activity.From?.Id is not { Length: > 0 } userId
            || activity.ServiceUrl is not { Length: > 0 } serviceUrl)
        {
            return Task.CompletedTask;
        }

        ClientInfoEntity? clientInfo = activity.EntitiesOfType(Entity.ClientInfoType).Select(e => e.AsClientInfo()).FirstOrDefault();
        ConversationReference reference = activity.GetConversationReference();
        var stored = new StoredConversationReference(
            channelId,
            conversationId,
            userId,
            ServiceUrlTrust.Normalize(serviceUrl),
            activity.Conversation.TenantId,
            activity.Conversation.ConversationType,
            NullIfBlank(activity.Locale) ?? NullIfBlank(clientInfo?.Locale),
            NullIfBlank(activity.LocalTimezone) ?? NullIfBlank(clientInfo?.Timezone),
            JsonSerializer.Serialize(reference, ActivityJson.Default.ConversationReference));
        return references.UpsertAsync(stored, time.GetUtcNow(), cancellationToken);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
