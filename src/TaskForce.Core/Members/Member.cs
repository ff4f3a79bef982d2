namespace TaskForce.Core.Members;

/// <summary>A role held in one campaign, or city-wide when <paramref name="CampaignId"/> is null.</summary>
public sealed record MemberRole(string Role, long? CampaignId);

public sealed record Member(
    long Id, string Key, string Name, string? NameEn, long? DepartmentId, string Locale, string TimeZone, IReadOnlyList<MemberRole> Roles)
{
    /// <summary>The roster named no language: the member gets the language their chat client reports.</summary>
    public const string AutoLocale = "auto";

    public bool HasRole(string role) => Roles.Any(r => r.Role == role);

    /// <summary>Supervisors and admins, and leading roles held without a campaign, see the whole city.</summary>
    public bool IsCityWide => Roles.Any(r => r.Role is Members.Roles.Supervisor or Members.Roles.Admin
        || (Members.Roles.IsLeading(r.Role) && r.CampaignId is null));

    public bool IsLeader => IsCityWide || Roles.Any(r => Members.Roles.IsLeading(r.Role));

    public IReadOnlySet<long> LedCampaignIds =>
        Roles.Where(r => Members.Roles.IsLeading(r.Role) && r.CampaignId is not null).Select(r => r.CampaignId!.Value).ToHashSet();

    public string DisplayName(string locale) =>
        locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) && NameEn is not null ? NameEn : Name;
}
