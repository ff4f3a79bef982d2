using TaskForce.Core.Access;
using TaskForce.Core.Calendar;
using TaskForce.Core.Campaigns;
using TaskForce.Core.Members;
using TaskForce.Core.Tasks;
using TaskForce.Dialogs.Language;
using TaskForce.Dialogs.Recognizers;
using TaskForce.Dialogs.Rendering;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Engine;

/// <summary>Before the transaction: who the user is, what they may act on, and what the message means.</summary>
internal sealed class TurnUnderstanding(MemberStore members, TaskStore tasks, CampaignStore campaigns, IRecognizer recognizer, LanguageFront language)
{
    public sealed record Understood(
        Recognition Recognition, Command? Command, TimeZoneInfo Zone, IReadOnlyList<TaskView> Reportable, ReferenceData Reference, TaskView? ForeignTask)
    {
        /// <summary>A leader's question answered by the language model, used instead of the rule-based query.</summary>
        public OutgoingMessage? PreparedAnswer { get; init; }

        /// <summary>The one-line note that the model failed and the rules read the message.</summary>
        public OutgoingMessage? FallbackNote { get; init; }

        public TokenUsage Usage { get; init; } = TokenUsage.None;
    }

    public async Task<(Member? Member, bool AutoLinked)> IdentifyAsync(TurnInput input, CancellationToken cancellationToken)
    {
        Member? member = await members.FindByAccountAsync(input.ChannelId, input.UserId, cancellationToken);
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

    public async Task<Understood> UnderstandAsync(Member member, TurnInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        TimeZoneInfo zone = TimeZones.Find(member.TimeZone);
        DateOnly today = TimeZones.LocalDate(now, zone);
        var scope = AccessScope.For(member);
        IReadOnlyList<TaskView> reportable = await tasks.ListReportableAsync(scope, today, cancellationToken);
        var reference = new ReferenceData(await campaigns.ListCampaignsAsync(cancellationToken), await campaigns.ListDepartmentsAsync(cancellationToken));
        Command? command = Command.Parse(input.Text, input.Value);
        RecognitionContext recognitionContext = Context(today, reportable, reference);
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
            model = await language.ReadAsync(member, input.Text, recognition, recognitionContext, Locales.For(member.Locale, input.Locale), cancellationToken);
            recognition = model.Recognition;
        }
        TaskView? foreign = null;
        if (command is null && recognition.Entities.TaskIds.Count == 0
            && recognition.Intent is Intent.ReportProgress or Intent.EscalateBlocker or Intent.StatusQuestion)
        {
            foreign = await FindForeignTaskAsync(member, input.Text, today, reportable, reference, cancellationToken);
        }

        return new Understood(recognition, command, zone, reportable, reference, foreign)
        {
            PreparedAnswer = model?.Answer,
            FallbackNote = model?.Note,
            Usage = model?.Usage ?? TokenUsage.None,
        };
    }

    /// <summary>Whether the message names a task the member may not act on, so the refusal can say why.</summary>
    private async Task<TaskView?> FindForeignTaskAsync(
        Member member, string text, DateOnly today, IReadOnlyList<TaskView> reportable, ReferenceData reference, CancellationToken cancellationToken)
    {
        var everything = new AccessScope(member.Id, CityWide: true, new HashSet<long>());
        IReadOnlyList<TaskView> all = await tasks.QueryAsync(everything, new TaskFilter(), today, cancellationToken);
        TaskView[] others = [.. all.Where(t => reportable.All(r => r.Id != t.Id))];
        if (others.Length == 0)
        {
            return null;
        }

        IReadOnlyList<long> matched = recognizer.Recognize(text, Context(today, others, reference)).Entities.TaskIds;
        return matched.Count == 1 ? others.First(t => t.Id == matched[0]) : null;
    }

    private static RecognitionContext Context(DateOnly today, IReadOnlyList<TaskView> tasks, ReferenceData reference) => new(
        today,
        [.. tasks.Select((t, i) => new TaskCandidate(t.Id, t.Title, t.TitleEn, t.Aliases, i + 1))],
        [.. reference.Departments.Select(d => new NamedCandidate(d.Id, d.Name, d.NameEn, d.Aliases))],
        [.. reference.Campaigns.Select(c => new NamedCandidate(c.Id, c.Name, c.NameEn, c.Aliases))]);
}
