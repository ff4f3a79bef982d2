using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskForce.Core.Language;

namespace TaskForce.Dialogs.Language;

public static class LanguageServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>AzureOpenAI</c>, and registers <see cref="LanguageModelStatus"/>, the metrics and the
    /// language services. Configuration is only known once the container is built, so the services are always
    /// registered: without an endpoint they hold no chat client and answer <see cref="FallbackReason.NotConfigured"/>
    /// at once, with no network call, and the bot runs on its rules exactly as before.
    /// </summary>
    public static IServiceCollection AddLanguageModel(this IServiceCollection services)
    {
        services.AddOptions<LanguageModelOptions>()
            .BindConfiguration(LanguageModelOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LanguageQueryStore>();
        services.AddSingleton(sp =>
        {
            LanguageModelOptions options = sp.GetRequiredService<IOptions<LanguageModelOptions>>().Value;
            return new LanguageModelStatus(options.IsConfigured, options.Deployment);
        });
        services.AddSingleton<LanguageMetrics>();
        services.AddSingleton(sp =>
        {
            IOptions<LanguageModelOptions> options = sp.GetRequiredService<IOptions<LanguageModelOptions>>();
            IChatClient? chatClient = options.Value.IsConfigured ? AzureChatClientFactory.Create(options.Value) : null;
            return new LanguageModelClient(
                chatClient, options, sp.GetRequiredService<LanguageMetrics>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<LanguageModelClient>>());
        });
        services.AddSingleton<ModelRecognizer>();
        services.AddSingleton<GroundedAnswerer>();
        services.AddSingleton<BriefSummarizer>();
        return services;
    }
}
