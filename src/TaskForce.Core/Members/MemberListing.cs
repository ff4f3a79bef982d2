namespace TaskForce.Core.Members;

/// <summary>A member as the administrator's list shows it: roles, department and chat-account link status.</summary>
public sealed record MemberListing(string Key, string Name, string? Roles, string? Department, long LinkedAccounts, bool Dead);
