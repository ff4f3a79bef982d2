using TaskForce.Bot.Endpoints;
using TaskForce.Core;
using TaskForce.Core.Roster;
using TaskForce.Core.Storage;
using TaskForce.Dialogs;
using TaskForce.Dialogs.Proactive;
using TaskForce.Bot.Workers;

namespace TaskForce.Bot;

internal static class HostSetup
{
    public static WebApplicationBuilder AddTaskForce(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddCore();
        builder.Services.AddDialogs();
        builder.Services.AddMessaging();
        builder.Services.AddOutboxDispatch<ProactiveDelivery>();
        builder.Services.AddHostedService<OutboxWorker>();
        builder.Services.AddHostedService<PlanningWorker>();
        return builder;
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        await app.Services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
        await app.Services.GetRequiredService<DemoRosterSeeder>().SeedIfEmptyAsync(cancellationToken);
    }
}
