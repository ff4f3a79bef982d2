using TaskForce.Core.Escalation;
using TaskForce.Core.Members;

namespace TaskForce.Core.Blockers;

/// <summary>What a blocker waits for from one member.</summary>
public enum BlockerTodo
{
    None,
    Acknowledge,
    Resolve,
    Close,
    Confirm,

    /// <summary>Resolved; the member may close it once the reporter has confirmed, so it is shown but not offered.</summary>
    AwaitingConfirmation,
}

/// <summary>
/// The rule behind "what waits for me": a leader handles a blocker at every level of the ladder it has reached or
/// passed in the campaigns where they hold that level (the team lead from level 0, the commander from level 1, the
/// lead city leader at level 2), and its current owner, or the leader copied in an unreachable owner's place, always
/// does; any team lead or commander of the campaign, or a city-wide member, closes it once the reporter has confirmed.
/// Each todo is inside what <see cref="BlockerService"/> accepts: handling is checked with its own
/// <see cref="BlockerService.CanHandle"/> first, closing with <see cref="BlockerService.CanClose"/>.
/// </summary>
public static class BlockerTodos
{
    public static BlockerTodo For(Member member, BlockerView blocker)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(blocker);
        return blocker.State switch
        {
            BlockerStates.Open when Handles(member, blocker) => BlockerTodo.Acknowledge,
            BlockerStates.Acknowledged when Handles(member, blocker) => BlockerTodo.Resolve,
            BlockerStates.Resolved when blocker.ReporterConfirmed && BlockerService.CanClose(member, blocker) => BlockerTodo.Close,
            BlockerStates.Resolved when !blocker.ReporterConfirmed && blocker.RaisedByMemberId == member.Id => BlockerTodo.Confirm,
            BlockerStates.Resolved when !blocker.ReporterConfirmed && BlockerService.CanClose(member, blocker) => BlockerTodo.AwaitingConfirmation,
            _ => BlockerTodo.None,
        };
    }

    /// <summary>Whether the member may handle it and was handed it, or holds, in its campaign or city-wide, a level it has reached.</summary>
    private static bool Handles(Member member, BlockerView blocker) =>
        BlockerService.CanHandle(member, blocker)
        && (BlockerService.IsOwnerOrCopied(member, blocker)
            || member.Roles.Any(r => (r.CampaignId == blocker.CampaignId || r.CampaignId is null) && Level(r.Role) <= blocker.Level));

    private static int Level(string role) => role switch
    {
        Roles.TeamLead => EscalationLevels.TeamLead,
        Roles.Commander => EscalationLevels.Commander,
        Roles.CityLeader => EscalationLevels.CityLeader,
        _ => int.MaxValue,
    };
}
