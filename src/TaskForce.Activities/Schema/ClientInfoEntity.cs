namespace TaskForce.Activities.Schema;

/// <summary>What a client says about itself; Teams adds the user's IANA <see cref="Timezone"/>.</summary>
public sealed record ClientInfoEntity(string? Locale, string? Country, string? Platform, string? Timezone);
