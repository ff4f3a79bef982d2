using TaskForce.Bot.Endpoints;
using TaskForce.Bot.Operations;
using TaskForce.Core;
using TaskForce.Core.Roster;
using TaskForce.Core.Storage;
using TaskForce.Dialogs;
using TaskForce.Dialogs.Language;
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
        builder.AddOperations();
        return builder;
    }

    public static async Task PrepareAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        await app.Services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
        await app.Services.GetRequiredService<DemoRosterSeeder>().SeedIfEmptyAsync(cancellationToken);

        // The recognizer trains its intent classifier when it is first built (a fraction of a second, more on a busy
        // machine): build it here, before requests are accepted, so the first member's turn does not wait for it.
        app.Services.GetRequiredService<TaskForce.Dialogs.Recognizers.IRecognizer>();
    }

    /// <summary>The startup lines an operator looks for: whether the language model is on, where telemetry goes.</summary>
    public static void LogStartup(this WebApplication app)
    {
        ILogger logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TaskForce.Bot.Startup");
        app.Services.GetRequiredService<LanguageModelStatus>().LogTo(logger);
        string exporter = TelemetryOptions.Resolve(
            app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value.Exporter,
            app.Configuration[OperationsSetup.OtlpEnvironmentVariable]);
        logger.TelemetryExporter(exporter);
        TimeSpan shutdownTimeout = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ShutdownOptions>>().Value.ShutdownTimeout;
        app.Lifetime.ApplicationStopping.Register(() => logger.ShutdownStarted(shutdownTimeout));
    }
}
