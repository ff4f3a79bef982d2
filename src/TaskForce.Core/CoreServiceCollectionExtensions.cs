using Microsoft.Extensions.DependencyInjection;
using TaskForce.Core.Export;
using TaskForce.Core.Members;
using TaskForce.Core.Roster;
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
        services.AddOptions<RosterOptions>().BindConfiguration(RosterOptions.SectionName);
        services.AddSingleton<RosterImporter>();
        services.AddSingleton<DemoRosterSeeder>();
        services.AddSingleton<ExportStore>();
        services.AddSingleton<CsvExporter>();
        services.AddSingleton<MemberListStore>();
        services.AddSingleton<DatabaseBackup>();
        return services;
    }
}
