using Microsoft.Extensions.DependencyInjection;
using TaskForce.Core.Blockers;
using TaskForce.Core.Campaigns;
using TaskForce.Core.Members;
using TaskForce.Core.Reports;
using TaskForce.Core.Storage;
using TaskForce.Core.Tasks;

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

        services.AddOptions<TrafficLightOptions>()
            .BindConfiguration(TrafficLightOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<LinkCodeOptions>()
            .BindConfiguration(LinkCodeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<MemberStore>();
        services.AddSingleton<LinkCodeService>();
        services.AddSingleton<CampaignStore>();
        services.AddSingleton<TaskStore>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<BlockerStore>();
        services.AddSingleton<BlockerService>();
        return services;
    }
}
