namespace TaskForce.Core.Members;

/// <summary>Role names as stored in MemberRoles.Role.</summary>
public static class Roles
{
    public const string Staff = "staff";
    public const string TeamLead = "team_lead";
    public const string Commander = "commander";
    public const string CityLeader = "city_leader";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Staff, TeamLead, Commander, CityLeader, Supervisor, Admin];

    /// <summary>Roles that lead a campaign: they see and act on all of its tasks.</summary>
    public static bool IsLeading(string role) => role is TeamLead or Commander or CityLeader;
}
