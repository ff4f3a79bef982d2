namespace TaskForce.Activities.Schema;

/// <summary>The <c>channelData.tenant</c> Teams needs to create a 1:1 conversation.</summary>
public sealed record TeamsTenantChannelData(TeamsTenant Tenant);
