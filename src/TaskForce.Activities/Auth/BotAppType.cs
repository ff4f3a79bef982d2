namespace TaskForce.Activities.Auth;

/// <summary>How the bot's Entra app is registered; decides the outbound token authority (§4.2).</summary>
public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}
