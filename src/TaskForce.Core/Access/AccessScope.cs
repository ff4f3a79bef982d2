using TaskForce.Core.Members;

namespace TaskForce.Core.Access;

/// <summary>
/// What a member may see and act on, from their roles: staff their own tasks; team leads, commanders and
/// city leaders the campaigns they lead; supervisors and admins the whole city. Every query and action in
/// Core takes a scope, so the rule holds whatever asks (a dialog, a card, the LLM's tools).
/// </summary>
public sealed record AccessScope(long MemberId, bool CityWide, IReadOnlySet<long> CampaignIds)
{
    public static AccessScope For(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new AccessScope(member.Id, member.IsCityWide, member.LedCampaignIds);
    }

    public bool IsLeader => CityWide || CampaignIds.Count > 0;

    public bool CanSeeCampaign(long campaignId) => CityWide || CampaignIds.Contains(campaignId);

    public bool CanSeeTask(long campaignId, long ownerMemberId) => ownerMemberId == MemberId || CanSeeCampaign(campaignId);

    /// <summary>A member reports on tasks they own or lead.</summary>
    public bool CanReportOn(long campaignId, long ownerMemberId) => CanSeeTask(campaignId, ownerMemberId);
}
