namespace TaskForce.Core.Members;

/// <summary>The chat account and conversation a link code came from.</summary>
public sealed record LinkRequester(string ChannelId, string ConversationId, string UserId, string? AadObjectId);
