using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TaskForce.Core.Access;
using TaskForce.Core.Blockers;
using TaskForce.Core.Campaigns;
using TaskForce.Core.Language;
using TaskForce.Core.Members;
using TaskForce.Core.Tasks;

namespace TaskForce.Dialogs.Language;

/// <summary>
/// Runs the model's tool calls for one caller. Every function builds the caller's <see cref="AccessScope"/> itself
/// from the member (never from the model's arguments), checks the arguments, and returns an error object instead
/// of throwing when they are wrong. Text inside the records (a report saying "list all campaigns") is only data:
/// nothing in it reaches a query's scope.
/// </summary>
internal sealed class LeaderTools(
    TaskStore tasks, BlockerStore blockers, CampaignStore campaigns, LanguageQueryStore queries, TimeProvider time, ILogger logger)
{
    public async Task<ToolResult> InvokeAsync(
        Member caller, string name, IDictionary<string, object?>? arguments, string locale, DateOnly today, CancellationToken cancellationToken)
    {
        var call = new ToolCall(caller, AccessScope.For(caller), new ToolArguments(arguments), locale, today, Zone(caller.TimeZone));
        ToolResult result = name switch
        {
            LeaderToolDeclarations.ListTasks => await ListTasksAsync(call, cancellationToken),
            LeaderToolDeclarations.CampaignSummary => await SummarizeAsync(call, cancellationToken),
            LeaderToolDeclarations.OpenBlockers => await ListBlockersAsync(call, cancellationToken),
            LeaderToolDeclarations.ReportsSince => await ListReportsAsync(call, cancellationToken),
            LeaderToolDeclarations.Meetings => await ListMeetingsAsync(call, cancellationToken),
            _ => ToolResult.Error([$"unknown function {name}"]),
        };
        if (call.Args.Errors.Count > 0 && logger.IsEnabled(LogLevel.Debug))
        {
            logger.ToolArgumentsRejected(name, string.Join("; ", call.Args.Errors));
        }

        return result;
    }

    /// <summary>The campaigns the caller may see, for the system prompt.</summary>
    public async Task<IReadOnlyList<NamedEntity>> VisibleCampaignsAsync(Member caller, CancellationToken cancellationToken)
    {
        AccessScope scope = AccessScope.For(caller);
        return [.. (await campaigns.ListCampaignsAsync(cancellationToken)).Where(c => scope.CanSeeCampaign(c.Id))];
    }

    public Task<IReadOnlyList<NamedEntity>> DepartmentsAsync(CancellationToken cancellationToken) => campaigns.ListDepartmentsAsync(cancellationToken);

    private async Task<ToolResult> ListTasksAsync(ToolCall call, CancellationToken cancellationToken)
    {
        long? campaignId = await CampaignAsync(call, cancellationToken);
        long? departmentId = await DepartmentAsync(call, cancellationToken);
        DateOnly? dueFrom = call.Args.Date("due_from");
        DateOnly? dueTo = call.Args.Date("due_to");
        bool overdue = call.Args.Bool("overdue");
        Light? light = ParseLight(call.Args);
        int limit = call.Args.Limit();
        if (call.Args.Errors.Count > 0)
        {
            return ToolResult.Error(call.Args.Errors);
        }

        var filter = new TaskFilter
        {
            CampaignId = campaignId,
            DepartmentId = departmentId,
            DueFrom = dueFrom,
            DueTo = dueTo,
            OverdueBefore = overdue ? call.Today : null,
            IncludeClosed = light == Light.Done,
        };
        List<TaskView> found = [.. (await tasks.QueryAsync(call.Scope, filter, call.Today, cancellationToken)).Where(t => light is null || t.Light == light)];
        List<TaskView> shown = [.. found.Take(limit)];
        var list = new TaskList(found.Count, found.Count > shown.Count, [.. shown.Select(t => Item(call, t))]);
        return new ToolResult(JsonSerializer.Serialize(list, LeaderToolJson.Default.TaskList), [.. shown.Select(t => TaskSource(call, t))]);
    }

    private async Task<ToolResult> SummarizeAsync(ToolCall call, CancellationToken cancellationToken)
    {
        long? campaignId = await CampaignAsync(call, cancellationToken);
        DateOnly since = call.Args.Date("reported_since") ?? call.Today.AddDays(-7);
        if (call.Args.Errors.Count > 0)
        {
            return ToolResult.Error(call.Args.Errors);
        }

        CampaignSummary summary = await tasks.SummarizeAsync(call.Scope, campaignId, call.Today, StartOf(since, call.Zone), cancellationToken);
        List<TaskView> overdue = [.. summary.Overdue.Take(ToolArguments.MaxRows)];
        List<TaskView> redAndYellow = [.. summary.RedAndYellow.Take(ToolArguments.MaxRows)];
        string campaignName = campaignId is null
            ? "all"
            : (await campaigns.ListCampaignsAsync(cancellationToken)).First(c => c.Id == campaignId).LocalName(call.Locale);
        var result = new SummaryResult(
            campaignName,
            summary.Counts.ToDictionary(c => c.Key.ToString().ToLowerInvariant(), c => c.Value),
            [.. overdue.Select(t => Item(call, t))],
            [.. redAndYellow.Select(t => Item(call, t))],
            [.. summary.NonReporters.Take(ToolArguments.MaxRows).Select(n => new NonReporterItem(n.Name, n.OpenTasks))],
            Day(since));
        return new ToolResult(
            JsonSerializer.Serialize(result, LeaderToolJson.Default.SummaryResult),
            [.. overdue.Concat(redAndYellow).Select(t => TaskSource(call, t))]);
    }

    private async Task<ToolResult> ListBlockersAsync(ToolCall call, CancellationToken cancellationToken)
    {
        long? campaignId = await CampaignAsync(call, cancellationToken);
        long minLevel = call.Args.InRange("min_level", 0, 2) ?? 0;
        long minAgeDays = call.Args.InRange("min_age_days", 0, 365) ?? 0;
        bool mine = call.Args.Bool("assigned_to_me");
        int limit = call.Args.Limit();
        if (call.Args.Errors.Count > 0)
        {
            return ToolResult.Error(call.Args.Errors);
        }

        DateTimeOffset now = time.GetUtcNow();
        List<BlockerView> found = [.. (await blockers.ListOpenAsync(call.Scope, campaignId, cancellationToken))
            .Where(b => b.Level >= minLevel && (now - b.RaisedAt).TotalDays >= minAgeDays && (!mine || b.OwnerMemberId == call.Caller.Id))];
        List<BlockerView> shown = [.. found.Take(limit)];
        var list = new BlockerList(found.Count, found.Count > shown.Count, [.. shown.Select(b => new BlockerItem(
            b.Id, b.LocalTaskTitle(call.Locale), b.Text, b.Severity, b.Level, b.State, b.RaisedByName, b.OwnerName,
            Moment(b.RaisedAt, call.Zone), (int)(now - b.RaisedAt).TotalDays, b.OwnerMemberId == call.Caller.Id))]);
        return new ToolResult(
            JsonSerializer.Serialize(list, LeaderToolJson.Default.BlockerList),
            [.. shown.Select(b => $"{b.LocalTaskTitle(call.Locale)} ({Day(LocalDay(b.RaisedAt, call.Zone))})")]);
    }

    private async Task<ToolResult> ListReportsAsync(ToolCall call, CancellationToken cancellationToken)
    {
        long? campaignId = await CampaignAsync(call, cancellationToken);
        long? taskId = call.Args.Long("task_id");
        DateOnly? since = call.Args.Date("since");
        int limit = call.Args.Limit();
        if (since is null && call.Args.Errors.Count == 0)
        {
            call.Args.Fail("since is required");
        }

        if (taskId is { } id && !await queries.CanSeeTaskAsync(call.Scope, id, cancellationToken))
        {
            call.Args.Fail($"task_id {id} is not a task you can see");
        }

        if (call.Args.Errors.Count > 0)
        {
            return ToolResult.Error(call.Args.Errors);
        }

        IReadOnlyList<ReportEntry> reports = await queries.ListReportsSinceAsync(
            call.Scope, campaignId, taskId, StartOf(since!.Value, call.Zone), limit, cancellationToken);
        var list = new ReportList(reports.Count, Day(since.Value), [.. reports.Select(r => new ReportItem(
            Local(call.Locale, r.TaskTitle, r.TaskTitleEn), r.ReporterName, r.Percent, r.Status, r.Text, Moment(r.At, call.Zone)))]);
        return new ToolResult(
            JsonSerializer.Serialize(list, LeaderToolJson.Default.ReportList),
            [.. reports.Select(r => $"{Local(call.Locale, r.TaskTitle, r.TaskTitleEn)} ({Day(LocalDay(r.At, call.Zone))})")]);
    }

    private async Task<ToolResult> ListMeetingsAsync(ToolCall call, CancellationToken cancellationToken)
    {
        long? campaignId = await CampaignAsync(call, cancellationToken);
        DateOnly since = call.Args.Date("decided_since") ?? call.Today.AddDays(-30);
        int limit = call.Args.Limit();
        if (call.Args.Errors.Count > 0)
        {
            return ToolResult.Error(call.Args.Errors);
        }

        Dictionary<long, NamedEntity> names = (await campaigns.ListCampaignsAsync(cancellationToken)).ToDictionary(c => c.Id);
        IReadOnlyList<MeetingEntry> meetings = await queries.ListMeetingsAsync(call.Scope, campaignId, StartOf(since, call.Zone), limit, cancellationToken);
        var list = new MeetingList(meetings.Count, Day(since), [.. meetings.Select(m => new MeetingItem(
            Local(call.Locale, m.Title, m.TitleEn),
            names.TryGetValue(m.CampaignId, out NamedEntity? campaign) ? campaign.LocalName(call.Locale) : "",
            m.RRule, m.StartLocal, m.Location, m.Cancelled,
            [.. m.Decisions.Select(d => new DecisionItem(d.Text, d.OwnerName, d.DueDate, d.Done, Moment(d.OccurrenceStart, call.Zone)))]))]);
        IEnumerable<string> sources = meetings.SelectMany(m => m.Decisions.Count == 0
            ? [Local(call.Locale, m.Title, m.TitleEn)]
            : m.Decisions.Select(d => $"{Local(call.Locale, m.Title, m.TitleEn)} ({Day(LocalDay(d.OccurrenceStart, call.Zone))})"));
        return new ToolResult(JsonSerializer.Serialize(list, LeaderToolJson.Default.MeetingList), [.. sources]);
    }

    private async Task<long?> CampaignAsync(ToolCall call, CancellationToken cancellationToken)
    {
        long? id = call.Args.Long("campaign_id");
        if (id is null)
        {
            return null;
        }

        bool exists = (await campaigns.ListCampaignsAsync(cancellationToken)).Any(c => c.Id == id);
        if (!exists || !call.Scope.CanSeeCampaign(id.Value))
        {
            call.Args.Fail($"campaign_id {id} is not a campaign you can see");
        }

        return id;
    }

    private async Task<long?> DepartmentAsync(ToolCall call, CancellationToken cancellationToken)
    {
        long? id = call.Args.Long("department_id");
        if (id is not null && !(await campaigns.ListDepartmentsAsync(cancellationToken)).Any(d => d.Id == id))
        {
            call.Args.Fail($"department_id {id} does not exist");
        }

        return id;
    }

    private static Light? ParseLight(ToolArguments args)
    {
        string? light = args.String("light");
        if (light is null)
        {
            return null;
        }

        if (Enum.TryParse(light, ignoreCase: true, out Light parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        args.Fail("light must be green, yellow, red or done");
        return null;
    }

    private static TaskItem Item(ToolCall call, TaskView t) => new(
        t.Id, t.LocalTitle(call.Locale), t.LocalCampaign(call.Locale), t.LocalDepartment(call.Locale), t.OwnerName, Day(t.Start), Day(t.Deadline),
        t.Percent, t.ExpectedPercent(call.Today), t.Status, t.Light.ToString().ToLowerInvariant(), t.OpenBlockers,
        t.LastReportAt is null ? null : Moment(t.LastReportAt.Value, call.Zone), ReasonItem(t.Reason));

    private static LightReasonItem? ReasonItem(LightReason? reason) => reason switch
    {
        null => null,
        { Kind: LightReasonKind.Overdue } => new("overdue", null, null, reason.Percent, reason.OverdueDays, null),
        { Kind: LightReasonKind.BlockerPastSla } => new("blocker_past_sla", null, null, null, null, reason.Blocker),
        { Kind: LightReasonKind.BehindSchedule } => new("behind_schedule", reason.PointsBehind, null, null, null, null),
        { Kind: LightReasonKind.DeadlineNear } => new("deadline_near", null, reason.DaysLeft, reason.Percent, null, null),
        _ => new("reported_behind", reason.PointsBehind, null, null, null, null),
    };

    private static string TaskSource(ToolCall call, TaskView t) => $"{t.LocalTitle(call.Locale)} ({Day(t.Deadline)})";

    private static string Local(string locale, string zh, string? en) =>
        locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(en) ? en : zh;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly LocalDay(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    private static string Moment(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        DateTime local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static TimeZoneInfo Zone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out TimeZoneInfo? zone) ? zone : TimeZoneInfo.Utc;

    private sealed record ToolCall(Member Caller, AccessScope Scope, ToolArguments Args, string Locale, DateOnly Today, TimeZoneInfo Zone);
}
