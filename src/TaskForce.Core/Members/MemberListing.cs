namespace TaskForce.Core.Members;

/// <summary>A member as the administrator's list shows it: roles, department and chat-account link status.</summary>
public sealed record MemberListing(string Key, string Name, string? Roles, string? Department, long LinkedAccounts, bool Dead)
{
    /// <summary>Whether the bot has a live conversation with the member, so proactive messages reach them now.</summary>
    public bool Reachable { get; init; }

    /// <summary>Messages held until the member first opens the bot.</summary>
    public long Waiting { get; init; }
}
