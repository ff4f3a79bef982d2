using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Members;

/// <summary>Failed link attempts, global lockouts and voided codes: the counters behind the guessing limits of <see cref="LinkCodeService"/>.</summary>
public static class LinkAttemptStore
{
    /// <summary>Failed attempts after <paramref name="sinceMs"/> over all accounts, or one account's, or one conversation's.</summary>
    public static Task<long> CountFailuresAsync(
        SqliteConnection connection, SqliteTransaction? transaction, LinkFailureScope scope, LinkRequester? requester, long sinceMs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        string sql = scope switch
        {
            LinkFailureScope.Everyone => "SELECT COUNT(*) FROM LinkAttempts WHERE Succeeded = 0 AND AtMs > @SinceMs;",
            LinkFailureScope.Account => "SELECT COUNT(*) FROM LinkAttempts WHERE ChannelId = @ChannelId AND UserId = @UserId AND AtMs > @SinceMs AND Succeeded = 0;",
            LinkFailureScope.Conversation => "SELECT COUNT(*) FROM LinkAttempts WHERE ChannelId = @ChannelId AND ConversationId = @ConversationId AND AtMs > @SinceMs AND Succeeded = 0;",
            _ => throw new ArgumentOutOfRangeException(nameof(scope)),
        };
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(
            sql,
            new { requester?.ChannelId, requester?.UserId, requester?.ConversationId, SinceMs = sinceMs },
            transaction,
            cancellationToken: cancellationToken));
    }

    public static Task RecordAttemptAsync(DbSession session, LinkRequester requester, long atMs, bool succeeded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(requester);
        const string Sql = """
            INSERT INTO LinkAttempts (ChannelId, UserId, ConversationId, AtMs, Succeeded) VALUES (@ChannelId, @UserId, @ConversationId, @AtMs, @Succeeded);
            """;
        return session.Connection.ExecuteAsync(new CommandDefinition(
            Sql,
            new { requester.ChannelId, requester.UserId, requester.ConversationId, AtMs = atMs, Succeeded = succeeded },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>The most recent lockout, ended or not; null when there never was one.</summary>
    public static Task<LinkLockout?> LatestLockoutAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        const string Sql = """
            SELECT Id, StartedAtMs, UntilMs, Failures, Refused FROM LinkLockouts ORDER BY Id DESC LIMIT 1;
            """;
        return connection.QuerySingleOrDefaultAsync<LinkLockout>(new CommandDefinition(Sql, transaction: transaction, cancellationToken: cancellationToken));
    }

    public static Task StartLockoutAsync(DbSession session, long startedAtMs, long untilMs, long failures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        const string Sql = """
            INSERT INTO LinkLockouts (StartedAtMs, UntilMs, Failures) VALUES (@StartedAtMs, @UntilMs, @Failures);
            """;
        return session.Connection.ExecuteAsync(new CommandDefinition(
            Sql, new { StartedAtMs = startedAtMs, UntilMs = untilMs, Failures = failures }, session.Transaction, cancellationToken: cancellationToken));
    }

    public static Task CountRefusedAsync(DbSession session, long lockoutId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE LinkLockouts SET Refused = Refused + 1 WHERE Id = @Id;", new { Id = lockoutId }, session.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Voids every unused, unexpired code that has seen at least <paramref name="maxFailures"/> failed attempts since it was issued.</summary>
    public static Task<int> VoidGuessedCodesAsync(DbSession session, long nowMs, int maxFailures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        const string Sql = """
            UPDATE LinkCodes SET VoidedAtMs = @NowMs
            WHERE UsedAtMs IS NULL AND VoidedAtMs IS NULL AND ExpiresAtMs > @NowMs
              AND (SELECT COUNT(*) FROM LinkAttempts a WHERE a.Succeeded = 0 AND a.AtMs >= LinkCodes.CreatedAtMs) >= @MaxFailures;
            """;
        return session.Connection.ExecuteAsync(new CommandDefinition(
            Sql, new { NowMs = nowMs, MaxFailures = maxFailures }, session.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Codes still redeemable, and codes voided by guessing that would otherwise still be valid.</summary>
    public static async Task<(long Outstanding, long Voided)> CountCodesAsync(SqliteConnection connection, long nowMs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        const string Sql = """
            SELECT (SELECT COUNT(*) FROM LinkCodes WHERE UsedAtMs IS NULL AND VoidedAtMs IS NULL AND ExpiresAtMs > @NowMs) AS Outstanding,
                   (SELECT COUNT(*) FROM LinkCodes WHERE VoidedAtMs IS NOT NULL AND ExpiresAtMs > @NowMs) AS Voided;
            """;
        CodeCounts counts = await connection.QuerySingleAsync<CodeCounts>(new CommandDefinition(Sql, new { NowMs = nowMs }, cancellationToken: cancellationToken));
        return (counts.Outstanding, counts.Voided);
    }

    private sealed record CodeCounts(long Outstanding, long Voided);
}
