using System.Globalization;
using TaskForce.Core.Access;
using TaskForce.Core.Audit;
using TaskForce.Core.Members;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Blockers;

/// <summary>
/// Raising and handling blockers (上报问题): raise → acknowledge (签收) → resolve with a note → the reporter
/// confirms → a team lead or commander closes it (销号). Each step is one guarded state change, so a double
/// tap on a card changes the blocker once, and each step queues a notice for the people concerned.
/// </summary>
public sealed class BlockerService(TimeProvider time)
{
    public async Task<BlockerResult> RaiseAsync(DbSession session, Member reporter, BlockerDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentNullException.ThrowIfNull(draft);
        (long CampaignId, long OwnerMemberId)? task = await BlockerStore.TaskOwnerAsync(session, draft.TaskId, cancellationToken);
        if (task is null)
        {
            return new BlockerResult(BlockerOutcome.NotFound);
        }

        if (!AccessScope.For(reporter).CanReportOn(task.Value.CampaignId, task.Value.OwnerMemberId))
        {
            return new BlockerResult(BlockerOutcome.NotAllowed);
        }

        DateTimeOffset now = time.GetUtcNow();
        long? owner = null;
        int ownerLevel = 0;
        for (; ownerLevel <= BlockerRouting.TopLevel && owner is null; ownerLevel++)
        {
            owner = await BlockerRouting.ResolveOwnerAsync(session, draft.TaskId, ownerLevel, cancellationToken);
        }

        long id = await BlockerStore.InsertAsync(session, reporter.Id, draft, owner, now, cancellationToken);
        long eventId = await BlockerStore.AddEventAsync(session, id, "raised", reporter.Id, draft.Text, now, cancellationToken, toLevel: 0);
        bool critical = draft.Severity == Severities.Critical;
        bool ownerReachable = true;
        (long Id, string Name, string? NameEn)? copied = null;
        if (owner is not null)
        {
            await BlockerStore.EnqueueNoticeAsync(session, BlockerNotices.Assigned, owner.Value, id, eventId, critical, new { blockerId = id, @event = "raised" }, now, cancellationToken);
            ownerReachable = await BlockerStore.HasConversationAsync(session, owner.Value, cancellationToken);
            if (!ownerReachable)
            {
                // The owner has never opened the bot: the notice waits for them, and the next level hears of it now.
                copied = await NextLevelAsync(session, draft.TaskId, ownerLevel, owner.Value, reporter.Id, cancellationToken);
                if (copied is { } next)
                {
                    await BlockerStore.AddEventAsync(session, id, "copied", next.Id, null, now, cancellationToken);
                    await BlockerStore.EnqueueNoticeAsync(session, BlockerNotices.Assigned, next.Id, id, eventId, critical, new { blockerId = id, @event = "raised", copiedFor = owner.Value }, now, cancellationToken);
                }
            }
        }

        await AuditStore.AppendAsync(session.Connection, session.Transaction, new AuditEntry(Actor(reporter), "create", "Blocker", Id(id), null, draft), now, cancellationToken);
        return new BlockerResult(BlockerOutcome.Done, await BlockerStore.GetAsync(session, id, cancellationToken))
        {
            OwnerNotYetReachable = !ownerReachable,
            CopiedTo = copied is { } c ? (c.Name, c.NameEn) : null,
        };
    }

    public Task<BlockerResult> AcknowledgeAsync(DbSession session, Member actor, long blockerId, CancellationToken cancellationToken) =>
        ChangeAsync(session, actor, blockerId, BlockerStates.Acknowledged, [BlockerStates.Open], null, CanHandle, cancellationToken);

    public Task<BlockerResult> ResolveAsync(DbSession session, Member actor, long blockerId, string note, CancellationToken cancellationToken) =>
        ChangeAsync(session, actor, blockerId, BlockerStates.Resolved, [BlockerStates.Open, BlockerStates.Acknowledged], note, CanHandle, cancellationToken);

    /// <summary>The reporter confirms the resolution, which lets a team lead or commander close it.</summary>
    public async Task<BlockerResult> ConfirmAsync(DbSession session, Member reporter, long blockerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        BlockerView? blocker = await BlockerStore.GetAsync(session, blockerId, cancellationToken);
        if (blocker is null || !CanSee(reporter, blocker))
        {
            return new BlockerResult(BlockerOutcome.NotFound);
        }

        if (blocker.RaisedByMemberId != reporter.Id)
        {
            return new BlockerResult(BlockerOutcome.NotAllowed, blocker);
        }

        if (blocker.ReporterConfirmed)
        {
            return new BlockerResult(BlockerOutcome.AlreadyDone, blocker);
        }

        if (blocker.State != BlockerStates.Resolved)
        {
            return new BlockerResult(BlockerOutcome.WrongState, blocker);
        }

        DateTimeOffset now = time.GetUtcNow();
        long eventId = await BlockerStore.AddEventAsync(session, blockerId, "confirmed", reporter.Id, null, now, cancellationToken);
        if (blocker.OwnerMemberId is long owner)
        {
            await BlockerStore.EnqueueNoticeAsync(session, BlockerNotices.Update, owner, blockerId, eventId, false, new { blockerId, @event = "confirmed" }, now, cancellationToken);
        }

        await AuditStore.AppendAsync(session.Connection, session.Transaction, new AuditEntry(Actor(reporter), "confirm", "Blocker", Id(blockerId), null, null), now, cancellationToken);
        return new BlockerResult(BlockerOutcome.Done, await BlockerStore.GetAsync(session, blockerId, cancellationToken));
    }

    /// <summary>销号: only a team lead or commander of the campaign, and only after the reporter confirmed.</summary>
    public async Task<BlockerResult> CloseAsync(DbSession session, Member actor, long blockerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        BlockerView? blocker = await BlockerStore.GetAsync(session, blockerId, cancellationToken);
        if (blocker is not null && CanSee(actor, blocker) && blocker.State == BlockerStates.Resolved && !blocker.ReporterConfirmed)
        {
            return new BlockerResult(BlockerOutcome.WrongState, blocker);
        }

        return await ChangeAsync(session, actor, blockerId, BlockerStates.Closed, [BlockerStates.Resolved], null, CanClose, cancellationToken);
    }

    /// <summary>
    /// 会商: records one consultation event per department (the blocker's history names each one), tells each
    /// department's contact members what the problem is and who asked, and tells the reporter.
    /// </summary>
    public async Task<BlockerResult> RequestConsultationAsync(
        DbSession session, Member actor, long blockerId, IReadOnlyList<ConsultedDepartment> departments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentOutOfRangeException.ThrowIfZero(departments.Count);
        BlockerView? blocker = await BlockerStore.GetAsync(session, blockerId, cancellationToken);
        if (blocker is null || !CanSee(actor, blocker))
        {
            return new BlockerResult(BlockerOutcome.NotFound);
        }

        if (!CanHandle(actor, blocker))
        {
            return new BlockerResult(BlockerOutcome.NotAllowed, blocker);
        }

        if (blocker.State == BlockerStates.Closed)
        {
            return new BlockerResult(BlockerOutcome.WrongState, blocker);
        }

        DateTimeOffset now = time.GetUtcNow();
        long? firstEvent = null;
        foreach (ConsultedDepartment department in departments)
        {
            await BlockerConsultationStore.AddAsync(session, blockerId, department.Id, actor.Id, now, cancellationToken);
            long eventId = await BlockerStore.AddEventAsync(session, blockerId, "consultation", actor.Id, department.Name, now, cancellationToken);
            firstEvent ??= eventId;
            foreach (long contact in await BlockerStore.DepartmentContactsAsync(session, department.Id, cancellationToken))
            {
                if (contact != actor.Id)
                {
                    await BlockerStore.EnqueueNoticeAsync(
                        session, BlockerNotices.Update, contact, blockerId, eventId, false,
                        new { blockerId, @event = "consultation", departmentId = department.Id, department = department.Name, departmentEn = department.NameEn, requestedBy = actor.Id, by = actor.Name, byEn = actor.NameEn }, now, cancellationToken);
                }
            }
        }

        long[] ids = [.. departments.Select(d => d.Id)];
        await BlockerStore.EnqueueNoticeAsync(session, BlockerNotices.Update, blocker.RaisedByMemberId, blockerId, firstEvent!.Value, false, new { blockerId, @event = "consultation", departmentIds = ids }, now, cancellationToken);
        await AuditStore.AppendAsync(session.Connection, session.Transaction, new AuditEntry(Actor(actor), "consult", "Blocker", Id(blockerId), null, new { departmentIds = ids }), now, cancellationToken);
        return new BlockerResult(BlockerOutcome.Done, blocker);
    }

    /// <summary>
    /// A consulted department's answer (会商意见), given by one of its members: stored with the consultation, kept in
    /// the blocker's history, and sent to whoever asked for the consultation, the blocker's owner and its reporter.
    /// </summary>
    public async Task<BlockerResult> ReplyToConsultationAsync(DbSession session, Member actor, long blockerId, string reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reply);
        BlockerView? blocker = await BlockerStore.GetAsync(session, blockerId, cancellationToken);
        BlockerConsultation? consultation = blocker is null ? null : await ConsultationOfAsync(session, actor, blockerId, cancellationToken);
        if (blocker is null || consultation is null)
        {
            return new BlockerResult(blocker is not null && CanSee(actor, blocker) ? BlockerOutcome.NotAllowed : BlockerOutcome.NotFound, blocker);
        }

        if (blocker.State == BlockerStates.Closed)
        {
            return new BlockerResult(BlockerOutcome.WrongState, blocker);
        }

        DateTimeOffset now = time.GetUtcNow();
        await BlockerConsultationStore.ReplyAsync(session, blockerId, consultation.DepartmentId, actor.Id, reply, now, cancellationToken);
        long eventId = await BlockerStore.AddEventAsync(session, blockerId, "consultation-reply", actor.Id, reply, now, cancellationToken);
        long?[] told = [consultation.RequestedByMemberId, blocker.OwnerMemberId, blocker.RaisedByMemberId];
        foreach (long recipient in told.OfType<long>().Distinct().Where(id => id != actor.Id))
        {
            await BlockerStore.EnqueueNoticeAsync(
                session, BlockerNotices.Update, recipient, blockerId, eventId, false,
                new { blockerId, @event = "consultation-reply", department = consultation.Department, departmentEn = consultation.DepartmentEn, by = actor.Name, byEn = actor.NameEn, reply },
                now,
                cancellationToken);
        }

        await AuditStore.AppendAsync(session.Connection, session.Transaction, new AuditEntry(Actor(actor), "consultation-reply", "Blocker", Id(blockerId), null, new { consultation.DepartmentId, Reply = reply }), now, cancellationToken);
        return new BlockerResult(BlockerOutcome.Done, blocker);
    }

    /// <summary>The consultation on the blocker that the member's department was asked to join, or null.</summary>
    public static Task<BlockerConsultation?> ConsultationOfAsync(DbSession session, Member member, long blockerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.DepartmentId is long department
            ? BlockerConsultationStore.ForDepartmentAsync(session, blockerId, department, cancellationToken)
            : Task.FromResult<BlockerConsultation?>(null);
    }

    private async Task<BlockerResult> ChangeAsync(
        DbSession session, Member actor, long blockerId, string toState, string[] fromStates, string? note,
        Func<Member, BlockerView, bool> allowed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        BlockerView? blocker = await BlockerStore.GetAsync(session, blockerId, cancellationToken);
        if (blocker is null || !CanSee(actor, blocker))
        {
            return new BlockerResult(BlockerOutcome.NotFound);
        }

        if (!allowed(actor, blocker))
        {
            return new BlockerResult(BlockerOutcome.NotAllowed, blocker);
        }

        if (!fromStates.Contains(blocker.State))
        {
            bool done = StateRank(blocker.State) >= StateRank(toState);
            return new BlockerResult(done ? BlockerOutcome.AlreadyDone : BlockerOutcome.WrongState, blocker);
        }

        DateTimeOffset now = time.GetUtcNow();
        if (await BlockerStore.SetStateAsync(session, blockerId, blocker.State, toState, actor.Id, note, now, cancellationToken) == 0)
        {
            return new BlockerResult(BlockerOutcome.AlreadyDone, blocker);
        }

        long eventId = await BlockerStore.AddEventAsync(session, blockerId, toState, actor.Id, note, now, cancellationToken);
        if (blocker.RaisedByMemberId != actor.Id)
        {
            await BlockerStore.EnqueueNoticeAsync(session, BlockerNotices.Update, blocker.RaisedByMemberId, blockerId, eventId, false, new { blockerId, @event = toState }, now, cancellationToken);
        }

        await AuditStore.AppendAsync(session.Connection, session.Transaction, new AuditEntry(Actor(actor), toState, "Blocker", Id(blockerId), new { blocker.State }, new { State = toState, Note = note }), now, cancellationToken);
        return new BlockerResult(BlockerOutcome.Done, await BlockerStore.GetAsync(session, blockerId, cancellationToken));
    }

    /// <summary>
    /// Whether the member may know the blocker exists: they raised it, own it, or see its campaign. Outside that the
    /// answer is "not found", the same as for an id that does not exist, so ids cannot be probed for titles.
    /// </summary>
    public static bool CanSee(Member actor, BlockerView blocker)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(blocker);
        return blocker.RaisedByMemberId == actor.Id || CanHandle(actor, blocker);
    }

    /// <summary>
    /// Whether the member may acknowledge, resolve or consult on the blocker: its owner, the leader copied for an owner
    /// not yet reachable, or a leader of its campaign. <see cref="BlockerTodos"/> lists a subset of these.
    /// </summary>
    public static bool CanHandle(Member actor, BlockerView blocker)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(blocker);
        return IsOwnerOrCopied(actor, blocker) || AccessScope.For(actor).CanSeeCampaign(blocker.CampaignId);
    }

    /// <summary>The blocker was handed to this member by name: as its owner, or copied in the owner's place.</summary>
    public static bool IsOwnerOrCopied(Member actor, BlockerView blocker)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(blocker);
        return blocker.OwnerMemberId == actor.Id || blocker.CopiedMemberId == actor.Id;
    }

    /// <summary>The first holder of a level above <paramref name="fromLevel"/> who is neither the owner nor the reporter.</summary>
    private static async Task<(long Id, string Name, string? NameEn)?> NextLevelAsync(
        DbSession session, long taskId, int fromLevel, long owner, long reporter, CancellationToken cancellationToken)
    {
        for (int level = fromLevel; level <= BlockerRouting.TopLevel; level++)
        {
            if (await BlockerRouting.ResolveOwnerAsync(session, taskId, level, cancellationToken) is long candidate && candidate != owner && candidate != reporter)
            {
                return await BlockerStore.MemberNameAsync(session, candidate, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>Whether the member may close (销号) the blocker: a team lead or commander of its campaign, or a city-wide member.</summary>
    public static bool CanClose(Member actor, BlockerView blocker)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(blocker);
        return actor.IsCityWide || actor.Roles.Any(r => r.CampaignId == blocker.CampaignId && r.Role is Roles.TeamLead or Roles.Commander);
    }

    private static int StateRank(string state) => state switch
    {
        BlockerStates.Open => 0,
        BlockerStates.Acknowledged => 1,
        BlockerStates.Resolved => 2,
        _ => 3,
    };

    private static string Actor(Member member) => "member:" + member.Key;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
