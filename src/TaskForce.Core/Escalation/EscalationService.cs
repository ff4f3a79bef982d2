using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskForce.Core.Calendar;
using TaskForce.Core.Outbox;

namespace TaskForce.Core.Escalation;

/// <summary>
/// The SLA check of blockers (顶格协调 ladder). At each level the owner has an acknowledge SLA and a resolve SLA,
/// both counted in working hours from the moment the blocker reached the level; an acknowledgement at the
/// current level satisfies the first while the second keeps running. A breach moves the blocker one level up,
/// counted from the instant of the breach, so a check that runs late (after downtime) catches up exactly. At the
/// top level a breach is repeated to the owner once per working day instead.
/// </summary>
public sealed class EscalationService(
    EscalationStore store,
    CalendarStore calendars,
    OutboxStore outbox,
    IOptions<EscalationOptions> options,
    ILogger<EscalationService> logger)
{
    public const string AcknowledgeReason = "acknowledge-sla";
    public const string ResolveReason = "resolve-sla";

    /// <summary>Who owns a blocker of <paramref name="taskId"/> at <paramref name="level"/> (use it for level 0 when a blocker is raised).</summary>
    public Task<long?> ResolveOwnerAsync(long taskId, int level, CancellationToken cancellationToken) =>
        store.ResolveOwnerAsync(taskId, level, cancellationToken);

    /// <summary>Escalates every blocker whose SLA ran out by <paramref name="now"/>; returns the number of hops and repeats.</summary>
    public async Task<int> CheckAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        WorkingCalendar calendar = await calendars.LoadAsync(cancellationToken);
        int actions = 0;
        foreach (OpenBlocker open in await store.OpenBlockersAsync(cancellationToken))
        {
            OpenBlocker blocker = open;
            while (Breach(blocker, calendar) is { } breach && breach.At <= now)
            {
                if (blocker.Level >= EscalationLevels.Top)
                {
                    actions += await RepeatAtTopAsync(blocker, breach.At, calendar, now, cancellationToken) ? 1 : 0;
                    break;
                }

                EscalationHop? hop = await ClimbAsync(blocker, breach.At, breach.Reason, now, cancellationToken);
                if (hop is null)
                {
                    break;
                }

                actions++;
                blocker = blocker with { Level = hop.ToLevel, OwnerMemberId = hop.NewOwnerMemberId, LevelSince = hop.BreachedAt };
            }
        }

        return actions;
    }

    /// <summary>When the blocker's current level runs out of time, and which SLA it is.</summary>
    public (DateTimeOffset At, string Reason)? Breach(OpenBlocker blocker, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(blocker);
        ArgumentNullException.ThrowIfNull(calendar);
        (TimeSpan acknowledge, TimeSpan resolve) = options.Value.For(blocker.Severity);
        string zone = calendar.Options.TimeZone;
        DateTimeOffset resolveDue = calendar.AddWorkingTime(blocker.LevelSince, resolve, zone);
        bool acknowledged = blocker.AcknowledgedAt is { } at && at >= blocker.LevelSince;
        if (!acknowledged)
        {
            DateTimeOffset acknowledgeDue = calendar.AddWorkingTime(blocker.LevelSince, acknowledge, zone);
            if (acknowledgeDue < resolveDue)
            {
                return (acknowledgeDue, AcknowledgeReason);
            }
        }

        return (resolveDue, ResolveReason);
    }

    private async Task<EscalationHop?> ClimbAsync(
        OpenBlocker blocker, DateTimeOffset breachedAt, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        int toLevel = blocker.Level + 1;
        long? owner = await store.ResolveOwnerAsync(blocker.TaskId, toLevel, cancellationToken);
        if (owner is null)
        {
            logger.EscalationNoOwner(blocker.Id, toLevel);
        }

        var hop = new EscalationHop(blocker, toLevel, owner, breachedAt, reason);
        var payload = new EscalationPayload(
            blocker.Id, blocker.TaskId, blocker.Level, toLevel, reason, blocker.Severity, owner, breachedAt.ToUnixTimeMilliseconds());
        string json = JsonSerializer.Serialize(payload, EscalationJson.Default.EscalationPayload);
        bool critical = blocker.Severity == "critical";
        List<NewOutboxJob> messages = [];
        if (owner is { } ownerId)
        {
            messages.Add(new NewOutboxJob(
                OutboxKinds.Escalation, Key("escalation", blocker.Id, toLevel), now, ownerId, json, BlockerId: blocker.Id, Critical: critical));
        }

        messages.Add(new NewOutboxJob(
            OutboxKinds.EscalationNotice, Key("escalation-notice", blocker.Id, toLevel), now, blocker.RaisedByMemberId, json, BlockerId: blocker.Id, Critical: critical));
        if (!await store.EscalateAsync(hop, messages, now, cancellationToken))
        {
            return null;
        }

        logger.BlockerEscalated(blocker.Id, blocker.Level, toLevel, reason);
        return hop;
    }

    private async Task<bool> RepeatAtTopAsync(
        OpenBlocker blocker, DateTimeOffset breachedAt, WorkingCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        TimeZoneInfo zone = TimeZones.Find(calendar.Options.TimeZone);
        DateOnly today = TimeZones.LocalDate(now, zone);
        DateTimeOffset officeStart = TimeZones.ToUtc(today.ToDateTime(TimeOnly.MinValue) + calendar.Options.MorningStart, zone);
        if (blocker.OwnerMemberId is not { } owner || !calendar.IsWorkday(today) || now < officeStart || now < breachedAt)
        {
            return false;
        }

        string date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var payload = new EscalationRepeatPayload(blocker.Id, blocker.TaskId, blocker.Level, blocker.Severity, date, blocker.LevelSince.ToUnixTimeMilliseconds());
        var job = new NewOutboxJob(
            OutboxKinds.EscalationRepeat,
            string.Create(CultureInfo.InvariantCulture, $"escalation-repeat:{blocker.Id}:{date}"),
            now,
            owner,
            JsonSerializer.Serialize(payload, EscalationJson.Default.EscalationRepeatPayload),
            BlockerId: blocker.Id,
            Critical: blocker.Severity == "critical");
        return await outbox.EnqueueAsync([job], now, cancellationToken) == 1;
    }

    private static string Key(string kind, long blockerId, int level) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}:{blockerId}:L{level}");
}
