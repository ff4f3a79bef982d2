using System.Text.Json;
using TaskForce.Activities.Auth;
using TaskForce.Activities.Schema;
using TaskForce.Core.Conversations;

namespace TaskForce.Bot.Endpoints;

/// <summary>The conversation reference of a validated activity, with its service URL normalized (§3.3); stored by <see cref="TurnRunner"/>.</summary>
internal static class ConversationReferenceCapture
{
    public static StoredConversationReference? Describe(BotActivity activity)
    {
        if (activity.ChannelId is not { Length: > 0 } channelId
            || activity.Conversation?.Id is not { Length: > 0 } conversationId
            || activity.From?.Id is not { Length: > 0 } userId
            || activity.ServiceUrl is not { Length: > 0 } serviceUrl)
        {
            return null;
        }

        ClientInfoEntity? clientInfo = activity.EntitiesOfType(Entity.ClientInfoType).Select(e => e.AsClientInfo()).FirstOrDefault();
        ConversationReference reference = activity.GetConversationReference();
        return new StoredConversationReference(
            channelId,
            conversationId,
            userId,
            ServiceUrlTrust.Normalize(serviceUrl),
            activity.Conversation.TenantId,
            activity.Conversation.ConversationType,
            NullIfBlank(activity.Locale) ?? NullIfBlank(clientInfo?.Locale),
            NullIfBlank(activity.LocalTimezone) ?? NullIfBlank(clientInfo?.Timezone),
            JsonSerializer.Serialize(reference, ActivityJson.Default.ConversationReference));
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
