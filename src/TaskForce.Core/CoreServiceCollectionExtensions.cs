using Microsoft.Extensions.DependencyInjection;
using TaskForce.Core.Blockers;
using TaskForce.Core.Campaigns;
using TaskForce.Core.Conversations;
using TaskForce.Core.Export;
using TaskForce.Core.Members;
using TaskForce.Core.Reports;
using TaskForce.Core.Roster;
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
        services.AddOptions<RosterOptions>().BindConfiguration(RosterOptions.SectionName);
        services.AddSingleton<RosterImporter>();
        services.AddSingleton<DemoRosterSeeder>();
        services.AddSingleton<ExportStore>();
        services.AddSingleton<CsvExporter>();
        services.AddSingleton<MemberListStore>();
        services.AddSingleton<DatabaseBackup>();
        services.AddSingleton<ConversationReferenceStore>();
        services.AddSingleton<ProcessedActivityStore>();
        return services;
    }
}
