using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Conversations;

/// <summary>Service URLs a Bot Framework token vouched for, so the outbound token still reaches them after a restart.</summary>
public sealed class TrustedServiceUrlStore(Database db)
{
    public async Task<bool> IsTrustedAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT EXISTS (SELECT 1 FROM TrustedServiceUrls WHERE ServiceUrl = @serviceUrl);";
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Sql, new { serviceUrl }, cancellationToken: cancellationToken));
    }

    public Task RememberAsync(string serviceUrl, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string Sql = "INSERT OR IGNORE INTO TrustedServiceUrls (ServiceUrl, AssertedAtMs) VALUES (@serviceUrl, @AtMs);";
        return db.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                Sql, new { serviceUrl, AtMs = at.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken)),
            cancellationToken);
    }
}
