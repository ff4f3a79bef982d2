using Microsoft.Extensions.Options;
using TaskForce.Activities;
using TaskForce.Activities.Auth;
using TaskForce.Activities.Turns;

namespace TaskForce.Bot.Endpoints;

internal static class MessagingSetup
{
    /// <summary>The protocol layer plus what the messages endpoint needs from the host.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddActivities();
        services.AddSingleton<IValidateOptions<BotOptions>, ListenAddressRule>();
        services.AddSingleton<IServiceUrlStore, StoredServiceUrls>();
        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<TurnRunner>();
        services.AddSingleton<IActivityHandler, DialogActivityHandler>();
        services.AddOptions<MessagingOptions>()
            .BindConfiguration(MessagingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ProcessedActivityPruner>();
        services.AddHostedService(sp => sp.GetRequiredService<ProcessedActivityPruner>());
        return services;
    }
}
