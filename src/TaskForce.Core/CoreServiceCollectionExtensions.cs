using Microsoft.Extensions.DependencyInjection;
using TaskForce.Core.Blockers;
using TaskForce.Core.Calendar;
using TaskForce.Core.Campaigns;
using TaskForce.Core.Conversations;
using TaskForce.Core.Escalation;
using TaskForce.Core.Export;
using TaskForce.Core.Meetings;
using TaskForce.Core.Members;
using TaskForce.Core.Outbox;
using TaskForce.Core.Reports;
using TaskForce.Core.Roster;
using TaskForce.Core.Scheduling;
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
        services.AddSingleton<RosterCache>();
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
        services.AddSingleton<TrustedServiceUrlStore>();
        services.AddSingleton<ProcessedActivityStore>();
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
        services.AddSingleton<NudgeStore>();
        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<MeetingCancellation>();
        services.AddSingleton<EscalationStore>();
        services.AddSingleton<EscalationService>();
        services.AddSingleton<StaleNotices>();
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
