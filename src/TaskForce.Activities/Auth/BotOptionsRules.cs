using Microsoft.Extensions.Options;

namespace TaskForce.Activities.Auth;

/// <summary>Fails startup on a <c>Bot</c> section that cannot work (§4.2): missing tenant, secret or certificate.</summary>
internal sealed class BotOptionsRules : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string? problem = Check(options);
        return problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
    }

    public static string? Check(BotOptions options)
    {
        if (options.IsDevelopmentMode)
        {
            return null;
        }

        bool hasSecret = !string.IsNullOrEmpty(options.MicrosoftAppPassword) || !string.IsNullOrEmpty(options.CertificatePath);
        return options.MicrosoftAppType switch
        {
            BotAppType.SingleTenant or BotAppType.UserAssignedMSI when string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId) =>
                $"Bot:MicrosoftAppTenantId is required for {options.MicrosoftAppType} apps.",
            BotAppType.UserAssignedMSI when hasSecret =>
                "Bot:MicrosoftAppPassword and Bot:CertificatePath must be empty for UserAssignedMSI apps.",
            BotAppType.MultiTenant or BotAppType.SingleTenant when !hasSecret =>
                "Bot:MicrosoftAppPassword (or Bot:CertificatePath) is required when Bot:MicrosoftAppId is set.",
            _ => null,
        };
    }
}
