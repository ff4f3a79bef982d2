using TaskForce.Activities.Schema;

namespace TaskForce.Activities.Connector;

/// <summary>
/// The Bot Connector REST API the bot calls (§3.2). Implementations retry transient failures themselves (except
/// <see cref="SendToConversationOnceAsync"/>) and report every HTTP outcome as a <see cref="ConnectorResult"/> instead of throwing.
/// </summary>
public interface IConnectorClient
{
    /// <summary><c>POST v3/conversations/{id}/activities/{replyToId}</c>.</summary>
    public Task<ConnectorResult> ReplyToActivityAsync(
        ConversationReference reference, string replyToId, BotActivity activity, CancellationToken cancellationToken);

    /// <summary><c>POST v3/conversations/{id}/activities</c>.</summary>
    public Task<ConnectorResult> SendToConversationAsync(
        ConversationReference reference, BotActivity activity, CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST v3/conversations/{id}/activities</c> in a single attempt: a throttled or failed call comes back at once as
    /// RetryLater (with the channel's Retry-After), for callers that retry on their own schedule, like the outbox.
    /// </summary>
    public Task<ConnectorResult> SendToConversationOnceAsync(
        ConversationReference reference, BotActivity activity, CancellationToken cancellationToken);

    /// <summary><c>PUT v3/conversations/{id}/activities/{activityId}</c> with the full replacement.</summary>
    public Task<ConnectorResult> UpdateActivityAsync(
        ConversationReference reference, string activityId, BotActivity activity, CancellationToken cancellationToken);

    /// <summary><c>DELETE v3/conversations/{id}/activities/{activityId}</c>.</summary>
    public Task<ConnectorResult> DeleteActivityAsync(
        ConversationReference reference, string activityId, CancellationToken cancellationToken);

    /// <summary><c>GET v3/conversations/{id}/members/{memberId}</c>: the member's account, in <see cref="ConnectorResult.Body"/>
    /// (Teams adds <c>email</c> and <c>userPrincipalName</c>).</summary>
    public Task<ConnectorResult> GetMemberAsync(
        ConversationReference reference, string memberId, CancellationToken cancellationToken);

    /// <summary><c>POST v3/conversations</c>; the new conversation's id comes back in <see cref="ConnectorResult.ConversationId"/>.</summary>
    public Task<ConnectorResult> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken);
}
