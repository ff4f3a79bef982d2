namespace TaskForce.Activities.Auth;

/// <summary>What vouched for an inbound activity (§4.1, §4.3).</summary>
public enum InboundCredential
{
    None,

    /// <summary>No app id configured: loopback callers only, no token.</summary>
    Development,

    /// <summary>A Bot Framework channel token (<c>iss</c> = <c>https://api.botframework.com</c>).</summary>
    BotFramework,

    /// <summary>An Entra token requested by the bot's own app id (the Emulator signs in as the bot).</summary>
    Self,

    /// <summary>An Entra token requested by an app listed in <c>Bot:AllowedCallers</c>.</summary>
    AllowedCaller,
}
