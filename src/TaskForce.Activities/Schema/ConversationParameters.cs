using System.Text.Json;

namespace TaskForce.Activities.Schema;

/// <summary>The body of <c>POST v3/conversations</c>; Teams 1:1 needs the bot, one member and the tenant (§3.3).</summary>
public sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }

    public ChannelAccount? Bot { get; init; }

    public IReadOnlyList<ChannelAccount>? Members { get; init; }

    public string? TopicName { get; init; }

    public string? TenantId { get; init; }

    public BotActivity? Activity { get; init; }

    public JsonElement? ChannelData { get; init; }

    /// <summary>A Teams 1:1 chat between the bot and one user of a tenant.</summary>
    public static ConversationParameters Personal(string botId, string userId, string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = botId },
            Members = [new ChannelAccount { Id = userId }],
            TenantId = tenantId,
            ChannelData = JsonSerializer.SerializeToElement(
                new TeamsTenantChannelData(new TeamsTenant(tenantId)), ActivityJson.Default.TeamsTenantChannelData),
        };
    }
}
