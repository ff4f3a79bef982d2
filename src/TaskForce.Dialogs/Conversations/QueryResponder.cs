using TaskForce.Core.Blockers;
using TaskForce.Core.Calendar;
using TaskForce.Core.Meetings;
using TaskForce.Core.Campaigns;
using TaskForce.Core.Tasks;
using TaskForce.Dialogs.Engine;
using TaskForce.Dialogs.Recognizers;
using TaskForce.Dialogs.Rendering;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Conversations;

/// <summary>
/// Answers deadline and status questions (查询) within the asker's scope: staff their own tasks, leaders
/// their campaigns, supervisors the city. Naming a campaign or department outside the scope is refused.
/// </summary>
internal sealed class QueryResponder(TaskStore tasks, BlockerStore blockers, ReportingPeriod period)
{
    private const string Texts = "queries";

    public async Task AnswerAsync(DialogContext context, DialogStack stack, CancellationToken cancellationToken)
    {
        if (context.PreparedAnswer is { } prepared)
        {
            context.Say(prepared);
            return;
        }

        RecognizedEntities entities = context.Recognition.Entities;
        if (!Allowed(context, entities))
        {
            context.Say(new TextKey("common", "not-allowed-scope"));
            return;
        }

        long? campaignId = entities.CampaignIds.Count > 0 ? entities.CampaignIds[0] : SingleLedCampaign(context);
        long? departmentId = entities.DepartmentIds.Count > 0 ? entities.DepartmentIds[0] : null;
        if (context.Recognition.Intent == Intent.StatusQuestion && entities.DateScope == DateScope.None)
        {
            await StatusAsync(context, entities, campaignId, departmentId, cancellationToken);
            return;
        }

        (DateOnly? from, DateOnly? to, bool overdue) = entities.DateScope switch
        {
            DateScope.Overdue => ((DateOnly?)null, (DateOnly?)null, true),
            DateScope.None => (context.Today, null, false),
            _ => (entities.Dates?.From, entities.Dates?.To, false),
        };
        var query = new ListQuery(entities.DateScope.ToString(), campaignId, departmentId, from, to, overdue, 0, entities.Light);
        stack.LastQuery = query;
        await ListAsync(context, query, cancellationToken);
    }

    public async Task NextPageAsync(DialogContext context, DialogStack stack, CancellationToken cancellationToken)
    {
        if (stack.LastQuery is not ListQuery last)
        {
            context.Say(new TextKey(Texts, "no-more"));
            return;
        }

        stack.LastQuery = last with { Page = last.Page + 1 };
        await ListAsync(context, stack.LastQuery, cancellationToken);
    }

    private async Task ListAsync(DialogContext context, ListQuery query, CancellationToken cancellationToken)
    {
        var filter = new TaskFilter
        {
            CampaignId = query.CampaignId,
            DepartmentId = query.DepartmentId,
            DueFrom = query.Overdue ? null : query.From,
            DueTo = query.Overdue ? null : query.To,
            OverdueBefore = query.Overdue ? context.Today : null,
        };
        IReadOnlyList<TaskView> found = await tasks.QueryAsync(context.Session.Connection, context.Session.Transaction, context.Scope, filter, context.Today, cancellationToken);
        if (query.Light is LightColor light)
        {
            found = [.. found.Where(t => t.Light == ToLight(light))];
        }

        string scope = ScopeLabel(context, query.CampaignId, query.DepartmentId);
        if (found.Count == 0)
        {
            context.Say(new TextKey(Texts, "list-empty"), ("scope", scope));
            return;
        }

        if (query.Page * TaskCards.PageSize >= found.Count)
        {
            context.Say(new TextKey(Texts, "no-more"));
            return;
        }

        string header = query.Overdue
            ? context.T(new TextKey(Texts, "list-overdue"), ("scope", scope), ("count", found.Count))
            : query.To is DateOnly to
                ? context.T(new TextKey(Texts, "list-due"), ("scope", scope), ("from", context.Date(query.From ?? context.Today)), ("to", context.Date(to)), ("count", found.Count))
                : context.T(new TextKey(Texts, "list-upcoming"), ("scope", scope), ("count", found.Count));
        context.Say(TaskCards.List(context, header, found, query.Page));
    }

    private static Light ToLight(LightColor color) => color switch
    {
        LightColor.Red => Light.Red,
        LightColor.Yellow => Light.Yellow,
        _ => Light.Green,
    };

    private async Task StatusAsync(DialogContext context, RecognizedEntities entities, long? campaignId, long? departmentId, CancellationToken cancellationToken)
    {
        if (entities.TaskIds.Count == 1)
        {
            IReadOnlyList<TaskView> one = await tasks.QueryAsync(
                context.Session.Connection, context.Session.Transaction, context.Scope, new TaskFilter { TaskId = entities.TaskIds[0], IncludeClosed = true }, context.Today, cancellationToken);
            context.Say(one.Count == 1 ? TaskCards.Status(context, one[0]) : new OutgoingMessage(context.T(new TextKey(Texts, "task-not-found"))));
            return;
        }

        if (context.ForeignTask is not null)
        {
            context.Say(new TextKey(Texts, "task-not-found"));
            return;
        }

        DateTimeOffset since = await period.ReportedSinceAsync(campaignId, context.Now, cancellationToken);
        CampaignSummary summary = await tasks.SummarizeAsync(context.Scope, campaignId, context.Today, since, cancellationToken);
        IReadOnlyList<BlockerView> open = await blockers.ListOpenAsync(context.Scope, campaignId, cancellationToken);
        context.Say(TaskCards.Summary(context, ScopeLabel(context, campaignId, departmentId), summary, open));
    }

    private static bool Allowed(DialogContext context, RecognizedEntities entities) =>
        entities.CampaignIds.All(context.Scope.CanSeeCampaign) && (entities.DepartmentIds.Count == 0 || context.Scope.IsLeader);

    private static long? SingleLedCampaign(DialogContext context) =>
        !context.Scope.CityWide && context.Scope.CampaignIds.Count == 1 ? context.Scope.CampaignIds.First() : null;

    private static string ScopeLabel(DialogContext context, long? campaignId, long? departmentId)
    {
        if (departmentId is long d && context.Reference.Department(d) is NamedEntity department)
        {
            return department.LocalName(context.Locale);
        }

        if (campaignId is long c && context.Reference.Campaign(c) is NamedEntity campaign)
        {
            return campaign.LocalName(context.Locale);
        }

        string key = context.Scope.CityWide ? "scope-city" : context.Scope.IsLeader ? "scope-led" : "scope-own";
        return context.T(new TextKey(Texts, key));
    }
}

/// <summary>Since when "not reported" counts: the previous meeting of the campaign, or a week when it has none.</summary>
internal sealed class ReportingPeriod(MeetingStore meetings, CalendarStore calendars)
{
    private static readonly TimeSpan s_fallback = TimeSpan.FromDays(7);

    public async Task<DateTimeOffset> ReportedSinceAsync(long? campaignId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (campaignId is null)
        {
            return now - s_fallback;
        }

        WorkingCalendar calendar = await calendars.LoadAsync(cancellationToken);
        DateTimeOffset? previous = (await meetings.ListAsync(cancellationToken))
            .Where(m => m.CampaignId == campaignId)
            .Select(m => MeetingSchedule.Previous(m, calendar, now)?.Start)
            .Where(start => start is not null)
            .Max();
        return previous ?? now - s_fallback;
    }
}
