using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Members;

/// <summary>Members, their roles and the chat accounts linked to them.</summary>
public sealed class MemberStore(SqliteConnectionFactory connections)
{
    // The language the member chose in the chat wins over the roster's; a roster import leaves the choice alone.
    private const string SelectMember = "SELECT Id, Key, Name, NameEn, DepartmentId, COALESCE(ChosenLocale, Locale) AS Locale, TimeZone FROM Members";

    private const string FindByAccountSql = SelectMember + """
         WHERE Active = 1 AND Id = (SELECT MemberId FROM MemberAccounts WHERE ChannelId = @ChannelId AND UserId = @UserId);
        """;

    public async Task<Member?> FindByAccountAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        return await FindByAccountAsync(connection, channelId, userId, cancellationToken);
    }

    /// <summary>The active member linked to the chat account, read on a connection the caller holds.</summary>
    public static Task<Member?> FindByAccountAsync(SqliteConnection connection, string channelId, string userId, CancellationToken cancellationToken) =>
        LoadAsync(connection, null, FindByAccountSql, new { ChannelId = channelId, UserId = userId }, cancellationToken);

    /// <summary>The member's Entra object id from the roster, if it has one (to start a Teams chat with them).</summary>
    public async Task<string?> AadObjectIdAsync(long memberId, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT AadObjectId FROM Members WHERE Id = @Id AND Active = 1;";
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(Sql, new { Id = memberId }, cancellationToken: cancellationToken));
    }

    public async Task<Member?> FindByAadObjectIdAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        const string Sql = SelectMember + " WHERE Active = 1 AND AadObjectId = @AadObjectId COLLATE NOCASE LIMIT 1;";
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        return await LoadAsync(connection, null, Sql, new { AadObjectId = aadObjectId }, cancellationToken);
    }

    public async Task<Member?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        const string Sql = SelectMember + " WHERE Active = 1 AND Email = @Email COLLATE NOCASE LIMIT 1;";
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        return await LoadAsync(connection, null, Sql, new { Email = email }, cancellationToken);
    }

    public async Task<Member?> FindByKeyAsync(string key, CancellationToken cancellationToken)
    {
        const string Sql = SelectMember + " WHERE Key = @Key;";
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        return await LoadAsync(connection, null, Sql, new { Key = key }, cancellationToken);
    }

    public async Task<Member?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, id, cancellationToken);
    }

    public static Task<Member?> GetAsync(SqliteConnection connection, SqliteTransaction? transaction, long id, CancellationToken cancellationToken) =>
        LoadAsync(connection, transaction, SelectMember + " WHERE Id = @Id;", new { Id = id }, cancellationToken);

    public static async Task LinkAccountAsync(
        DbSession session, long memberId, string channelId, string userId, string? aadObjectId, string linkedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        const string Sql = """
            INSERT INTO MemberAccounts (MemberId, ChannelId, UserId, AadObjectId, LinkedAtMs, LinkedBy)
            VALUES (@MemberId, @ChannelId, @UserId, @AadObjectId, @AtMs, @LinkedBy)
            ON CONFLICT (ChannelId, UserId) DO UPDATE SET MemberId = excluded.MemberId, AadObjectId = excluded.AadObjectId,
                LinkedAtMs = excluded.LinkedAtMs, LinkedBy = excluded.LinkedBy;
            """;
        await session.Connection.ExecuteAsync(new CommandDefinition(
            Sql,
            new { MemberId = memberId, ChannelId = channelId, UserId = userId, AadObjectId = aadObjectId, AtMs = at.ToUnixTimeMilliseconds(), LinkedBy = linkedBy },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public static Task SetLocaleAsync(DbSession session, long memberId, string locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE Members SET ChosenLocale = @Locale WHERE Id = @Id;", new { Id = memberId, Locale = locale }, session.Transaction, cancellationToken: cancellationToken));
    }

    private static async Task<Member?> LoadAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, object args, CancellationToken cancellationToken)
    {
        MemberRow? row = await connection.QuerySingleOrDefaultAsync<MemberRow>(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        IEnumerable<RoleRow> roles = await connection.QueryAsync<RoleRow>(new CommandDefinition(
            "SELECT Role, CampaignId FROM MemberRoles WHERE MemberId = @Id ORDER BY Id;", new { row.Id }, transaction, cancellationToken: cancellationToken));
        return new Member(row.Id, row.Key, row.Name, row.NameEn, row.DepartmentId, row.Locale, row.TimeZone, [.. roles.Select(r => new MemberRole(r.Role, r.CampaignId))]);
    }

    private sealed record MemberRow(long Id, string Key, string Name, string? NameEn, long? DepartmentId, string Locale, string TimeZone);

    private sealed record RoleRow(string Role, long? CampaignId);
}
