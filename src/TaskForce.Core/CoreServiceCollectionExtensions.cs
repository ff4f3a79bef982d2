using Microsoft.Extensions.DependencyInjection;
using TaskForce.Core.Conversations;
using TaskForce.Core.Storage;

namespace TaskForce.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers the SQLite store, migrations and the domain services.</summary>
    public static IServiceCollection AddCore(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SqliteConnectionFactory>();
        services.AddSingleton<Database>();
        services.AddSingleton<Migrator>();
        services.AddSingleton<ConversationReferenceStore>();
        services.AddSingleton<ProcessedActivityStore>();
        return services;
    }
}
