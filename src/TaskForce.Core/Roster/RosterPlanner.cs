using Microsoft.Data.Sqlite;
using static TaskForce.Core.Roster.RosterScheduleStore;
using static TaskForce.Core.Roster.RosterStore;
using static TaskForce.Core.Roster.RosterTaskStore;

namespace TaskForce.Core.Roster;

/// <summary>
/// Compares a roster file with the database by stable keys and lists the rows to create or update, in an order
/// that satisfies the foreign keys. Rows the file does not mention are left alone; progress and blockers are
/// seeded once and then belong to the bot.
/// </summary>
internal static class RosterPlanner
{
    /// <summary>The changes; <paramref name="now"/> stamps a meeting the file newly cancels and its new exceptions.</summary>
    public static async Task<List<RosterChange>> PlanAsync(
        SqliteConnection connection, SqliteTransaction? transaction, RosterDocument document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<RosterChange> changes = [];
        Dictionary<string, DepartmentRow> departments = await LoadDepartmentsAsync(connection, transaction, cancellationToken);
        foreach (RosterDepartment d in document.Departments)
        {
            var row = new DepartmentRow(d.Key, d.Name, d.NameEn, RosterJson.Serialize(d.Aliases));
            Add(changes, "Department", d.Key, departments.GetValueOrDefault(d.Key), row, (c, t, ct) => UpsertDepartmentAsync(c, t, row, ct));
        }

        Dictionary<string, CampaignRow> campaigns = await LoadCampaignsAsync(connection, transaction, cancellationToken);
        foreach (RosterCampaign c in document.Campaigns)
        {
            var row = new CampaignRow(c.Key, c.Name, c.NameEn, RosterJson.Serialize(c.Aliases), c.LeadDepartment);
            Add(changes, "Campaign", c.Key, campaigns.GetValueOrDefault(c.Key), row, (cn, t, ct) => UpsertCampaignAsync(cn, t, row, ct));
        }

        Dictionary<string, MemberRow> members = await LoadMembersAsync(connection, transaction, cancellationToken);
        foreach (RosterMember m in document.Members)
        {
            var row = new MemberRow(m.Key, m.Name, m.NameEn, m.Title, m.Department, m.Locale, m.TimeZone, m.Email, m.AadObjectId, RolesJson(m.Roles));
            Add(changes, "Member", m.Key, members.GetValueOrDefault(m.Key), row, (c, t, ct) => UpsertMemberAsync(c, t, row, m.Roles, ct));
        }

        Dictionary<string, BattleRow> battles = await LoadBattlesAsync(connection, transaction, cancellationToken);
        foreach (RosterCampaign c in document.Campaigns)
        {
            foreach (RosterBattle b in c.Battles)
            {
                var row = new BattleRow(c.Key, b.Key, b.Name, b.NameEn, b.Leader);
                string key = $"{c.Key}/{b.Key}";
                Add(changes, "Battle", key, battles.GetValueOrDefault(key), row, (cn, t, ct) => UpsertBattleAsync(cn, t, row, ct));
            }
        }

        await PlanTasksAsync(changes, connection, transaction, document, cancellationToken);
        await PlanScheduleAsync(changes, connection, transaction, document, now, cancellationToken);
        return changes;
    }

    private static async Task PlanTasksAsync(
        List<RosterChange> changes, SqliteConnection connection, SqliteTransaction? transaction, RosterDocument document, CancellationToken cancellationToken)
    {
        Dictionary<string, TaskRow> tasks = await LoadTasksAsync(connection, transaction, cancellationToken);
        HashSet<string> seededProgress = await LoadSeededProgressAsync(connection, transaction, cancellationToken);
        HashSet<string> seededBlockers = await LoadSeededBlockersAsync(connection, transaction, cancellationToken);
        foreach (RosterTask task in document.Tasks)
        {
            var row = new TaskRow(
                task.Key, task.Campaign, task.Battle, task.Title, task.TitleEn, RosterJson.Serialize(task.Aliases), task.Owner, task.Department,
                task.Start, task.Deadline, task.KeySupervision ? 1 : 0, SupportJson(task.SupportingDepartments),
                MilestonesJson(task.Milestones.Select(m => new MilestoneRow(task.Key, m.Title, m.TitleEn, m.Due, m.Done))));
            Add(changes, "Task", task.Key, tasks.GetValueOrDefault(task.Key), row, (c, t, ct) => UpsertTaskAsync(c, t, row, task, ct));
        }

        foreach (RosterTask task in document.Tasks)
        {
            if (task.Progress is { } progress && !seededProgress.Contains(SeedActivityId(task.Key)))
            {
                changes.Add(new RosterChange("Report", SeedActivityId(task.Key), null, progress, (c, t, ct) => InsertProgressAsync(c, t, task.Key, progress, ct)));
            }

            foreach (RosterBlocker blocker in task.Blockers.Where(b => !seededBlockers.Contains(b.Key)))
            {
                changes.Add(new RosterChange("Blocker", blocker.Key, null, blocker, (c, t, ct) => InsertBlockerAsync(c, t, task.Key, blocker, ct)));
            }
        }
    }

    private static async Task PlanScheduleAsync(
        List<RosterChange> changes, SqliteConnection connection, SqliteTransaction? transaction, RosterDocument document, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        Dictionary<string, MeetingRow> meetings = await LoadMeetingsAsync(connection, transaction, cancellationToken);
        foreach (RosterMeeting m in document.Meetings)
        {
            var row = new MeetingRow(
                m.Key, m.Campaign, m.Title, m.TitleEn, m.RRule, m.StartLocal, m.TimeZone, m.DurationMinutes, m.Location, m.HolidayPolicy,
                RosterJson.Serialize(m.ReminderOffsets), AttendeesJson(m.Attendees), m.Cancelled ? 1 : 0, ExceptionsJson(m.Exceptions));
            Add(changes, "Meeting", m.Key, meetings.GetValueOrDefault(m.Key), row, (c, t, ct) => UpsertMeetingAsync(c, t, row, m.Attendees, m.Exceptions, now, ct));
        }

        Dictionary<string, CalendarDayRow> days = await LoadCalendarAsync(connection, transaction, cancellationToken);
        foreach (RosterCalendarDay d in document.Calendar)
        {
            var row = new CalendarDayRow(d.Date, d.Kind, d.Name);
            Add(changes, "CalendarDay", d.Date, days.GetValueOrDefault(d.Date), row, (c, t, ct) => UpsertCalendarDayAsync(c, t, row, ct));
        }
    }

    private static void Add<TRow>(
        List<RosterChange> changes, string entity, string key, TRow? existing, TRow desired,
        Func<SqliteConnection, SqliteTransaction, CancellationToken, Task> apply)
        where TRow : class
    {
        if (!desired.Equals(existing))
        {
            changes.Add(new RosterChange(entity, key, existing, desired, apply));
        }
    }
}
