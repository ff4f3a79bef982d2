using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Campaigns;

/// <summary>A campaign or a department, with the names people use for it.</summary>
public sealed record NamedEntity(long Id, string Key, string Name, string? NameEn, IReadOnlyList<string> Aliases)
{
    public string LocalName(string locale) =>
        locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(NameEn) ? NameEn : Name;
}

public sealed class CampaignStore(SqliteConnectionFactory connections)
{
    private const string CampaignsSql = "SELECT Id, Key, Name, NameEn, Aliases FROM Campaigns ORDER BY Id;";

    private const string DepartmentsSql = "SELECT Id, Key, Name, NameEn, Aliases FROM Departments ORDER BY Id;";

    public async Task<IReadOnlyList<NamedEntity>> ListCampaignsAsync(CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        return await ListAsync(connection, CampaignsSql, cancellationToken);
    }

    public async Task<IReadOnlyList<NamedEntity>> ListDepartmentsAsync(CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        return await ListAsync(connection, DepartmentsSql, cancellationToken);
    }

    public static Task<IReadOnlyList<NamedEntity>> ListCampaignsAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        ListAsync(connection, CampaignsSql, cancellationToken);

    public static Task<IReadOnlyList<NamedEntity>> ListDepartmentsAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        ListAsync(connection, DepartmentsSql, cancellationToken);

    private static async Task<IReadOnlyList<NamedEntity>> ListAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        IEnumerable<Row> rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new NamedEntity(r.Id, r.Key, r.Name, r.NameEn, JsonSerializer.Deserialize<string[]>(r.Aliases) ?? []))];
    }

    private sealed record Row(long Id, string Key, string Name, string? NameEn, string Aliases);
}
