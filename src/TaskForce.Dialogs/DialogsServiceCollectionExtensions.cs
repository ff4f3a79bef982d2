using Microsoft.Extensions.DependencyInjection;
using TaskForce.Core.Storage;
using TaskForce.Dialogs.Conversations;
using TaskForce.Dialogs.Engine;
using TaskForce.Dialogs.Language;
using TaskForce.Dialogs.Proactive;
using TaskForce.Dialogs.Rendering;
using TaskForce.Dialogs.Recognizers;
using TaskForce.Dialogs.Recognizers.Classifier;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs;

public static class DialogsServiceCollectionExtensions
{
    /// <summary>Registers the texts from dialogs/, the dialogs, their router and the engine.</summary>
    public static IServiceCollection AddDialogs(this IServiceCollection services, string? textsDirectory = null)
    {
        services.AddSingleton(_ => TextCatalog.LoadDirectory(textsDirectory ?? TextCatalog.DefaultDirectory));
        services.AddSingleton<IRecognizer, ClassifierRecognizer>();
        services.AddLanguageModel();
        services.AddSingleton<LanguageFront>();
        services.AddSingleton<IDialog, ReportProgressDialog>();
        services.AddSingleton<IDialog, EscalateBlockerDialog>();
        services.AddSingleton<IDialog, AmendReportDialog>();
        services.AddSingleton<IDialog, BlockerNoteDialog>();
        services.AddSingleton<ReportingPeriod>();
        services.AddSingleton<MeetingResponder>();
        services.AddSingleton<ReminderRenderer>();
        services.AddSingleton<ReminderNoticeRenderer>();
        services.AddSingleton<ReminderComposer>();
        services.AddSingleton<BlockerNoticeRenderer>();
        services.AddSingleton<QueryResponder>();
        services.AddSingleton<BlockerActions>();
        services.AddSingleton<DialogRouter>();
        services.AddSingleton<TurnUnderstanding>();
        services.AddSingleton<UnknownUsers>();
        services.AddSingleton(sp => new DialogEngine(
            sp.GetRequiredService<Database>(),
            sp.GetRequiredService<TurnUnderstanding>(),
            sp.GetRequiredService<DialogRouter>(),
            sp.GetRequiredService<UnknownUsers>(),
            sp.GetRequiredService<TextCatalog>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
