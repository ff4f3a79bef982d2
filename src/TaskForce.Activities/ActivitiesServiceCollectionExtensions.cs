using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskForce.Activities.Auth;
using TaskForce.Activities.Connector;

namespace TaskForce.Activities;

public static class ActivitiesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>Bot</c> options, inbound token validation, the outbound token provider and the connector
    /// client. The host may register an <see cref="IServiceUrlStore"/> so trusted service URLs survive restarts.
    /// </summary>
    public static IServiceCollection AddActivities(this IServiceCollection services)
    {
        services.AddOptions<BotOptions>()
            .BindConfiguration(BotOptions.SectionName)
            .Validate(options => BotOptionsRules.Check(options) is null, "Invalid Bot configuration.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsRules>();
        services.AddOptions<ConnectorOptions>()
            .BindConfiguration(ConnectorOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddHttpClient(SigningKeySources.HttpClientName);
        services.AddSingleton<SigningKeySources>();
        services.AddSingleton<BotTokenValidator>();
        services.AddSingleton(sp => new ServiceUrlTrust(sp.GetRequiredService<IOptions<BotOptions>>(), sp.GetService<IServiceUrlStore>()));
        services.AddSingleton(sp => new ActivityAuthenticator(
            sp.GetRequiredService<BotTokenValidator>(),
            sp.GetRequiredService<ServiceUrlTrust>(),
            sp.GetRequiredService<IOptions<BotOptions>>(),
            sp.GetRequiredService<ILogger<ActivityAuthenticator>>()));
        services.AddSingleton<IBotTokenProvider, MsalTokenProvider>();
        services.AddHttpClient<IConnectorClient, ConnectorClient>((sp, http) =>
                http.Timeout = sp.GetRequiredService<IOptions<ConnectorOptions>>().Value.Timeout)
            // A redirect would re-send the body and the bearer token to a host nobody vouched for.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }
}
