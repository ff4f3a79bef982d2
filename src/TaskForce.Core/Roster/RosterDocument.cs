namespace TaskForce.Core.Roster;

/// <summary>A parsed and validated roster file.</summary>
public sealed record RosterDocument(IReadOnlyList<RosterDepartment> Departments, IReadOnlyList<RosterCampaign> Campaigns, IReadOnlyList<RosterMember> Members, IReadOnlyList<RosterTask> Tasks, IReadOnlyList<RosterMeeting> Meetings, IReadOnlyList<RosterCalendarDay> Calendar);
