using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TaskForce.Core.Audit;

/// <summary>One row of the audit log: who changed what, when, and the state before and after.</summary>
public sealed record AuditEntry(string Actor, string Action, string Entity, string? EntityId, object? Before, object? After);

/// <summary>Appends audit rows inside the caller's transaction, so the log and the change commit together.</summary>
public static class AuditStore
{
    public static Task AppendAsync(
        SqliteConnection connection, SqliteTransaction transaction, AuditEntry entry, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(entry);
        const string Sql = """
            INSERT INTO AuditLog (AtMs, Actor, Action, Entity, EntityId, Before, After)
            VALUES (@AtMs, @Actor, @Action, @Entity, @EntityId, @Before, @After);
            """;
        return connection.ExecuteAsync(new CommandDefinition(
            Sql,
            new
            {
                AtMs = at.ToUnixTimeMilliseconds(),
                entry.Actor,
                entry.Action,
                entry.Entity,
                entry.EntityId,
                Before = entry.Before is null ? null : JsonSerializer.Serialize(entry.Before),
                After = entry.After is null ? null : JsonSerializer.Serialize(entry.After),
            },
            transaction,
            cancellationToken: cancellationToken));
    }
}
