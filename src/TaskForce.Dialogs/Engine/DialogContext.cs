using System.Globalization;
using TaskForce.Core.Access;
using TaskForce.Core.Campaigns;
using TaskForce.Core.Members;
using TaskForce.Core.Storage;
using TaskForce.Core.Tasks;
using TaskForce.Dialogs.Recognizers;
using TaskForce.Dialogs.Rendering;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Engine;

/// <summary>Everything one turn's dialog step may use: who asks, in which language and zone, the turn's transaction, and the replies.</summary>
internal sealed class DialogContext(
    Member member,
    string locale,
    TimeZoneInfo zone,
    DateTimeOffset now,
    DbSession session,
    TurnInput input,
    Recognition recognition,
    IReadOnlyList<TaskView> reportableTasks,
    ReferenceData reference,
    TextCatalog texts)
{
    public Member Member { get; } = member;

    public AccessScope Scope { get; } = AccessScope.For(member);

    public string Locale { get; set; } = locale;

    public TimeZoneInfo Zone { get; } = zone;

    public DateTimeOffset Now { get; } = now;

    public DateOnly Today { get; } = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    public DbSession Session { get; } = session;

    public TurnInput Input { get; } = input;

    public Recognition Recognition { get; } = recognition;

    /// <summary>The tasks the member may report on, in the order of their list numbers.</summary>
    public IReadOnlyList<TaskView> ReportableTasks { get; } = reportableTasks;

    public ReferenceData Reference { get; } = reference;

    public TextCatalog Texts { get; } = texts;

    public List<OutgoingMessage> Replies { get; } = [];

    public bool IsEnglish => Locale == Locales.English;

    public string T(TextKey key, params (string Name, object? Value)[] args) => Texts.Get(key, Locale, args);

    public void Say(TextKey key, params (string Name, object? Value)[] args) => Replies.Add(new OutgoingMessage(T(key, args)));

    public void Say(OutgoingMessage message) => Replies.Add(message);

    public string Date(DateOnly date) =>
        date.ToString(T(new TextKey("common", "date-format")), CultureInfo.GetCultureInfo(Locale));

    public string DateTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString(T(new TextKey("common", "datetime-format")), CultureInfo.GetCultureInfo(Locale));

    /// <summary>A leader's question already answered by the language model; queries use it instead of the rules.</summary>
    public OutgoingMessage? PreparedAnswer { get; init; }

    /// <summary>The button the user pressed, if the message was one.</summary>
    public Command? Command { get; init; }

    /// <summary>A task the message named that the member may not report on (someone else's), for a clear refusal.</summary>
    public TaskView? ForeignTask { get; init; }

    public TaskView? FindReportable(long taskId) => ReportableTasks.FirstOrDefault(t => t.Id == taskId);

    /// <summary>
    /// Whether a refusal may name the task and its owner: only when the member works in the task's campaign. Outside it
    /// the answer is the neutral "not found or not yours", so names cannot be probed for titles and owners.
    /// </summary>
    public bool MayName(TaskView task) => Member.Roles.Any(r => r.CampaignId == task.CampaignId) || Scope.CanSeeCampaign(task.CampaignId);

    public void SayNotFoundOrNotYours() => Say(new TextKey("common", "not-found-or-not-yours"));
}

/// <summary>Campaigns and departments, for names in answers and for the recognizer.</summary>
internal sealed record ReferenceData(IReadOnlyList<NamedEntity> Campaigns, IReadOnlyList<NamedEntity> Departments)
{
    public NamedEntity? Campaign(long id) => Campaigns.FirstOrDefault(c => c.Id == id);

    public NamedEntity? Department(long id) => Departments.FirstOrDefault(d => d.Id == id);
}
