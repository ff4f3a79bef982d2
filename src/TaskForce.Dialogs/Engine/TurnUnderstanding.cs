using Microsoft.Data.Sqlite;
using TaskForce.Core.Access;
using TaskForce.Core.Calendar;
using TaskForce.Core.Campaigns;
using TaskForce.Core.Members;
using TaskForce.Core.Storage;
using TaskForce.Core.Tasks;
using TaskForce.Dialogs.Language;
using TaskForce.Dialogs.Recognizers;
using TaskForce.Dialogs.Rendering;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Engine;

/// <summary>
/// Before the transaction: who the user is, what they may act on, and what the message means. The reads share one
/// connection, and what the roster seldom changes (the member, campaigns, departments, task names) comes from
/// <see cref="RosterCache"/> for the database's current roster version.
/// </summary>
internal sealed class TurnUnderstanding(
    Database database, MemberStore members, TaskStore tasks, RosterCache roster, IRecognizer recognizer, LanguageFront language)
{
    /// <summary>Who wrote (null when not on the roster) and, for a member, what the message means.</summary>
    public sealed record Reading(Member? Member, bool AutoLinked, Understood? Understood);

    public sealed record Understood(
        Recognition Recognition, Command? Command, TimeZoneInfo Zone, IReadOnlyList<TaskView> Reportable, ReferenceData Reference, TaskView? ForeignTask)
    {
        /// <summary>A leader's question answered by the language model, used instead of the rule-based query.</summary>
        public OutgoingMessage? PreparedAnswer { get; init; }

        /// <summary>The one-line note that the model failed and the rules read the message.</summary>
        public OutgoingMessage? FallbackNote { get; init; }

        public TokenUsage Usage { get; init; } = TokenUsage.None;
    }

    /// <summary>Identifies the user and, when they are a member, understands the message: every read on one connection.</summary>
    public async Task<Reading> ReadAsync(TurnInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await database.OpenAsync(cancellationToken);
        RosterSnapshot snapshot = await roster.GetAsync(connection, cancellationToken);
        (Member? member, bool autoLinked) = await IdentifyAsync(connection, snapshot, input, cancellationToken);
        return member is null
            ? new Reading(null, false, null)
            : new Reading(member, autoLinked, await UnderstandAsync(connection, snapshot, member, input, now, cancellationToken));
    }

    public async Task<(Member? Member, bool AutoLinked)> IdentifyAsync(TurnInput input, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await database.OpenAsync(cancellationToken);
        return await IdentifyAsync(connection, await roster.GetAsync(connection, cancellationToken), input, cancellationToken);
    }

    private async Task<(Member? Member, bool AutoLinked)> IdentifyAsync(
        SqliteConnection connection, RosterSnapshot snapshot, TurnInput input, CancellationToken cancellationToken)
    {
        Member? member = await snapshot.FindMemberAsync(connection, input.ChannelId, input.UserId, cancellationToken);
        if (member is not null)
        {
            return (member, false);
        }

        // Teams sends the user's Entra object id; a roster entry with the same id links automatically.
        member = string.IsNullOrWhiteSpace(input.AadObjectId) ? null : await members.FindByAadObjectIdAsync(input.AadObjectId, cancellationToken);
        if (member is null && input.LookupEmail is not null && await input.LookupEmail(cancellationToken) is { Length: > 0 } email)
        {
            // Else the roster's e-mail, as the channel reports it for this user.
            member = await members.FindByEmailAsync(email, cancellationToken);
        }

        return (member, member is not null);
    }

    private async Task<Understood> UnderstandAsync(
        SqliteConnection connection, RosterSnapshot snapshot, Member member, TurnInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        TimeZoneInfo zone = TimeZones.Find(member.TimeZone);
        DateOnly today = TimeZones.LocalDate(now, zone);
        var scope = AccessScope.For(member);
        IReadOnlyList<TaskView> reportable = await tasks.ListReportableAsync(connection, scope, today, cancellationToken);
        var reference = new ReferenceData(snapshot.Campaigns, snapshot.Departments);
        Command? command = Command.Parse(input.Text, input.Value);
        RecognitionContext recognitionContext = Context(today, Candidates(reportable), reference);
        Recognition recognition = command?.Action switch
        {
            Command.Confirm => new Recognition(Intent.Confirm, RecognizedEntities.Empty, input.Text),
            Command.Cancel => new Recognition(Intent.Cancel, RecognizedEntities.Empty, input.Text),
            not null => new Recognition(Intent.None, RecognizedEntities.Empty, input.Text),
            null => recognizer.Recognize(input.Text, recognitionContext),
        };
        LanguageFront.Result? model = null;
        if (command is null && language.Active && input.Text.Length > 0)
        {
            model = await language.ReadAsync(member, input.Text, recognition, recognitionContext, Locales.For(member.Locale, input.Locale, input.Text), cancellationToken);
            recognition = model.Recognition;
        }
        TaskView? foreign = null;
        if (command is null && recognition.Entities.TaskIds.Count == 0
            && recognition.Intent is Intent.ReportProgress or Intent.EscalateBlocker or Intent.StatusQuestion)
        {
            foreign = await FindForeignTaskAsync(connection, snapshot, member, input.Text, today, reportable, reference, cancellationToken);
        }

        return new Understood(recognition, command, zone, reportable, reference, foreign)
        {
            PreparedAnswer = model?.Answer,
            FallbackNote = model?.Note,
            Usage = model?.Usage ?? TokenUsage.None,
        };
    }

    /// <summary>
    /// Whether the message names a task the member may not act on, so the refusal can say why. The names come from the
    /// roster snapshot; only the one task matched is read in full.
    /// </summary>
    private async Task<TaskView?> FindForeignTaskAsync(
        SqliteConnection connection, RosterSnapshot snapshot, Member member, string text, DateOnly today, IReadOnlyList<TaskView> reportable,
        ReferenceData reference, CancellationToken cancellationToken)
    {
        HashSet<long> own = [.. reportable.Select(t => t.Id)];
        IReadOnlyList<RosterTask> open = await snapshot.OpenTasksAsync(connection, cancellationToken);
        TaskCandidate[] others = [.. open.Where(t => !own.Contains(t.Id)).Select((t, i) => new TaskCandidate(t.Id, t.Title, t.TitleEn, t.Aliases, i + 1))];
        if (others.Length == 0)
        {
            return null;
        }

        IReadOnlyList<long> matched = recognizer.Recognize(text, Context(today, others, reference)).Entities.TaskIds;
        if (matched.Count != 1)
        {
            return null;
        }

        var everything = new AccessScope(member.Id, CityWide: true, new HashSet<long>());
        IReadOnlyList<TaskView> found = await tasks.QueryAsync(connection, null, everything, new TaskFilter { TaskId = matched[0] }, today, cancellationToken);
        return found.Count == 1 ? found[0] : null;
    }

    private static TaskCandidate[] Candidates(IReadOnlyList<TaskView> tasks) =>
        [.. tasks.Select((t, i) => new TaskCandidate(t.Id, t.Title, t.TitleEn, t.Aliases, i + 1))];

    /// <summary>The recognizer's candidates of one roster snapshot's list, built once per snapshot (the recognizer caches by list).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<NamedEntity>, NamedCandidate[]> s_candidates = new();

    private static RecognitionContext Context(DateOnly today, IReadOnlyList<TaskCandidate> tasks, ReferenceData reference) => new(
        today,
        tasks,
        NamedCandidates(reference.Departments),
        NamedCandidates(reference.Campaigns));

    private static NamedCandidate[] NamedCandidates(IReadOnlyList<NamedEntity> entities) =>
        s_candidates.GetValue(entities, list => [.. list.Select(e => new NamedCandidate(e.Id, e.Name, e.NameEn, e.Aliases))]);
}
