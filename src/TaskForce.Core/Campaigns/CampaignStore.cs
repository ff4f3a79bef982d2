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
    public Task<IReadOnlyList<NamedEntity>> ListCampaignsAsync(CancellationToken cancellationToken) =>
        ListAsync("SELECT Id, Key, Name, NameEn, Aliases FROM Campaigns ORDER BY Id;", cancellationToken);

    public Task<IReadOnlyList<NamedEntity>> ListDepartmentsAsync(CancellationToken cancellationToken) =>
        ListAsync("SELECT Id, Key, Name, NameEn, Aliases FROM Departments ORDER BY Id;", cancellationToken);

    private async Task<IReadOnlyList<NamedEntity>> ListAsync(string sql, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
        IEnumerable<Row> rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new NamedEntity(r.Id, r.Key, r.Name, r.NameEn, JsonSerializer.Deserialize<string[]>(r.Aliases) ?? []))];
    }

    private sealed record Row(long Id, string Key, string Name, string? NameEn, string Aliases);
}
