using Dapper;
using Microsoft.Data.Sqlite;

namespace TaskForce.Core.Roster;

/// <summary>Departments, campaigns, battles and members as the roster import sees them: rows keyed by their stable key.</summary>
internal static class RosterStore
{
    public static async Task<bool> HasCampaignsAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM Campaigns);", cancellationToken: cancellationToken)) == 1;

    public static async Task<Dictionary<string, DepartmentRow>> LoadDepartmentsAsync(
        SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT Key, Name, NameEn, Aliases FROM Departments;";
        IEnumerable<DepartmentRow> rows = await connection.QueryAsync<DepartmentRow>(
            new CommandDefinition(Sql, transaction: transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
    }

    public static async Task<Dictionary<string, CampaignRow>> LoadCampaignsAsync(
        SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT c.Key, c.Name, c.NameEn, c.Aliases, d.Key AS LeadDepartment
            FROM Campaigns c LEFT JOIN Departments d ON d.Id = c.LeadDepartmentId;
            """;
        IEnumerable<CampaignRow> rows = await connection.QueryAsync<CampaignRow>(
            new CommandDefinition(Sql, transaction: transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
    }

    public static async Task<Dictionary<string, BattleRow>> LoadBattlesAsync(
        SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT c.Key AS Campaign, b.Key, b.Name, b.NameEn, m.Key AS Leader
            FROM Battles b JOIN Campaigns c ON c.Id = b.CampaignId LEFT JOIN Members m ON m.Id = b.LeaderMemberId;
            """;
        IEnumerable<BattleRow> rows = await connection.QueryAsync<BattleRow>(
            new CommandDefinition(Sql, transaction: transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => $"{r.Campaign}/{r.Key}", StringComparer.Ordinal);
    }

    public static async Task<Dictionary<string, MemberRow>> LoadMembersAsync(
        SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT m.Key, m.Name, m.NameEn, m.Title, d.Key AS Department, m.Locale, m.TimeZone, m.Email, m.AadObjectId
            FROM Members m LEFT JOIN Departments d ON d.Id = m.DepartmentId;
            """;
        const string RolesSql = """
            SELECT m.Key AS Member, r.Role, c.Key AS Campaign
            FROM MemberRoles r JOIN Members m ON m.Id = r.MemberId LEFT JOIN Campaigns c ON c.Id = r.CampaignId;
            """;
        IEnumerable<MemberData> rows = await connection.QueryAsync<MemberData>(
            new CommandDefinition(Sql, transaction: transaction, cancellationToken: cancellationToken));
        IEnumerable<RoleRow> roles = await connection.QueryAsync<RoleRow>(
            new CommandDefinition(RolesSql, transaction: transaction, cancellationToken: cancellationToken));
        ILookup<string, RosterRole> byMember = roles.ToLookup(r => r.Member, r => new RosterRole(r.Role, r.Campaign), StringComparer.Ordinal);
        return rows.ToDictionary(
            r => r.Key,
            r => new MemberRow(r.Key, r.Name, r.NameEn, r.Title, r.Department, r.Locale, r.TimeZone, r.Email, r.AadObjectId, RolesJson(byMember[r.Key])),
            StringComparer.Ordinal);
    }

    public static string RolesJson(IEnumerable<RosterRole> roles) =>
        RosterJson.Serialize(roles.Select(r => r.Campaign is null ? r.Role : $"{r.Role}@{r.Campaign}").Distinct().Order(StringComparer.Ordinal));

    public static Task UpsertDepartmentAsync(SqliteConnection connection, SqliteTransaction transaction, DepartmentRow row, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO Departments (Key, Name, NameEn, Aliases) VALUES (@Key, @Name, @NameEn, @Aliases)
            ON CONFLICT (Key) DO UPDATE SET Name = excluded.Name, NameEn = excluded.NameEn, Aliases = excluded.Aliases;
            """;
        return connection.ExecuteAsync(new CommandDefinition(Sql, row, transaction, cancellationToken: cancellationToken));
    }

    public static Task UpsertCampaignAsync(SqliteConnection connection, SqliteTransaction transaction, CampaignRow row, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO Campaigns (Key, Name, NameEn, Aliases, LeadDepartmentId)
            VALUES (@Key, @Name, @NameEn, @Aliases, (SELECT Id FROM Departments WHERE Key = @LeadDepartment))
            ON CONFLICT (Key) DO UPDATE SET Name = excluded.Name, NameEn = excluded.NameEn, Aliases = excluded.Aliases,
                LeadDepartmentId = excluded.LeadDepartmentId;
            """;
        return connection.ExecuteAsync(new CommandDefinition(Sql, row, transaction, cancellationToken: cancellationToken));
    }

    public static Task UpsertBattleAsync(SqliteConnection connection, SqliteTransaction transaction, BattleRow row, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO Battles (CampaignId, Key, Name, NameEn, LeaderMemberId)
            VALUES ((SELECT Id FROM Campaigns WHERE Key = @Campaign), @Key, @Name, @NameEn, (SELECT Id FROM Members WHERE Key = @Leader))
            ON CONFLICT (CampaignId, Key) DO UPDATE SET Name = excluded.Name, NameEn = excluded.NameEn, LeaderMemberId = excluded.LeaderMemberId;
            """;
        return connection.ExecuteAsync(new CommandDefinition(Sql, row, transaction, cancellationToken: cancellationToken));
    }

    public static async Task UpsertMemberAsync(
        SqliteConnection connection, SqliteTransaction transaction, MemberRow row, IReadOnlyList<RosterRole> roles, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO Members (Key, Name, NameEn, Title, DepartmentId, Locale, TimeZone, Email, AadObjectId)
            VALUES (@Key, @Name, @NameEn, @Title, (SELECT Id FROM Departments WHERE Key = @Department), @Locale, @TimeZone, @Email, @AadObjectId)
            ON CONFLICT (Key) DO UPDATE SET Name = excluded.Name, NameEn = excluded.NameEn, Title = excluded.Title,
                DepartmentId = excluded.DepartmentId, Locale = excluded.Locale, TimeZone = excluded.TimeZone,
                Email = excluded.Email, AadObjectId = excluded.AadObjectId;
            """;
        const string DeleteRolesSql = "DELETE FROM MemberRoles WHERE MemberId = (SELECT Id FROM Members WHERE Key = @Key);";
        const string InsertRoleSql = """
            INSERT OR IGNORE INTO MemberRoles (MemberId, Role, CampaignId)
            VALUES ((SELECT Id FROM Members WHERE Key = @Member), @Role, (SELECT Id FROM Campaigns WHERE Key = @Campaign));
            """;
        await connection.ExecuteAsync(new CommandDefinition(Sql, row, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(DeleteRolesSql, new { row.Key }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            InsertRoleSql, roles.Select(r => new { Member = row.Key, r.Role, r.Campaign }), transaction, cancellationToken: cancellationToken));
    }

    internal sealed record DepartmentRow(string Key, string Name, string? NameEn, string Aliases);

    internal sealed record CampaignRow(string Key, string Name, string? NameEn, string Aliases, string? LeadDepartment);

    internal sealed record BattleRow(string Campaign, string Key, string Name, string? NameEn, string? Leader);

    internal sealed record MemberRow(
        string Key, string Name, string? NameEn, string? Title, string? Department, string Locale, string TimeZone, string? Email, string? AadObjectId, string Roles);

    private sealed record MemberData(
        string Key, string Name, string? NameEn, string? Title, string? Department, string Locale, string TimeZone, string? Email, string? AadObjectId);

    private sealed record RoleRow(string Member, string Role, string? Campaign);
}
