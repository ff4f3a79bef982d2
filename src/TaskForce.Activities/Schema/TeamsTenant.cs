namespace TaskForce.Activities.Schema;

/// <summary>A Teams tenant id holder.</summary>
public sealed record TeamsTenant(string Id);
