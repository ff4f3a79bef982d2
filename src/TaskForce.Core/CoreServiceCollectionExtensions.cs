using Microsoft.Extensions.DependencyInjection;
using TaskForce.Core.Calendar;
using TaskForce.Core.Escalation;
using TaskForce.Core.Meetings;
using TaskForce.Core.Outbox;
using TaskForce.Core.Scheduling;
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

        // Scheduler: working calendar, meetings, outbox, reminder planning and blocker escalation.
        // The dispatcher needs the host's IOutboxDelivery (render + send): see AddOutboxDispatch.
        services.AddOptions<WorkingCalendarOptions>().BindConfiguration(WorkingCalendarOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EscalationOptions>().BindConfiguration(EscalationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CalendarStore>();
        services.AddSingleton<MeetingStore>();
        services.AddSingleton<MeetingBriefStore>();
        services.AddSingleton<MeetingBriefService>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxReadStore>();
        services.AddSingleton<OutboxDigestStore>();
        services.AddSingleton<OutboxPacer>();
        services.AddSingleton<NoiseBudget>();
        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<EscalationStore>();
        services.AddSingleton<EscalationService>();
        return services;
    }

    /// <summary>Registers the outbox dispatcher with the host's delivery (render, then send through the connector).</summary>
    public static IServiceCollection AddOutboxDispatch<TDelivery>(this IServiceCollection services)
        where TDelivery : class, IOutboxDelivery
    {
        services.AddSingleton<IOutboxDelivery, TDelivery>();
        services.AddSingleton<OutboxDispatcher>();
        return services;
    }
}
