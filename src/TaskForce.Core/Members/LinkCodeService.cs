using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskForce.Core.Audit;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Members;

/// <summary>
/// One-time codes an admin issues (<c>link-code</c>) for a member to link a chat account that the roster cannot match.
/// Guessing is limited three ways (docs/operations.md, "Link codes"): per chat account and per conversation within
/// <see cref="LinkCodeOptions.AttemptWindow"/>; over everyone, where too many failures refuse every attempt until a
/// lockout ends; and per code, which is voided once too many wrong codes were tried after it was issued.
/// </summary>
public sealed class LinkCodeService(Database database, TimeProvider time, IOptions<LinkCodeOptions> options, ILogger<LinkCodeService> logger)
{
    private readonly LinkCodeOptions _options = options.Value;

    /// <summary>Issues a new code for the member; only its hash is stored.</summary>
    public async Task<(string Code, DateTimeOffset ExpiresAt)> IssueAsync(long memberId, string actor, CancellationToken cancellationToken)
    {
        string code = RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        DateTimeOffset now = time.GetUtcNow();
        DateTimeOffset expires = now + _options.Lifetime;
        await database.WriteAsync(
            async session =>
            {
                const string Sql = """
                    INSERT INTO LinkCodes (CodeHash, MemberId, CreatedAtMs, ExpiresAtMs) VALUES (@CodeHash, @MemberId, @CreatedAtMs, @ExpiresAtMs);
                    """;
                await session.Connection.ExecuteAsync(new CommandDefinition(
                    Sql,
                    new { CodeHash = Hash(code), MemberId = memberId, CreatedAtMs = now.ToUnixTimeMilliseconds(), ExpiresAtMs = expires.ToUnixTimeMilliseconds() },
                    session.Transaction,
                    cancellationToken: cancellationToken));
                await AuditStore.AppendAsync(session.Connection, session.Transaction, new AuditEntry(actor, "issue", "LinkCode", memberId.ToString(CultureInfo.InvariantCulture), null, new { ExpiresAt = expires }), now, cancellationToken);
                return true;
            },
            cancellationToken);
        return (code, expires);
    }

    /// <summary>Redeems a code inside the turn's transaction, unless a guessing limit refuses the attempt first.</summary>
    public async Task<LinkResult> RedeemAsync(DbSession session, LinkRequester requester, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(requester);
        ArgumentNullException.ThrowIfNull(code);
        DateTimeOffset now = time.GetUtcNow();
        long nowMs = now.ToUnixTimeMilliseconds();
        if (await LinkAttemptStore.LatestLockoutAsync(session.Connection, session.Transaction, cancellationToken) is { } lockout && lockout.UntilMs > nowMs)
        {
            // Refused attempts are not guesses (no code is looked at), so they are counted but not stored one by one.
            await LinkAttemptStore.CountRefusedAsync(session, lockout.Id, cancellationToken);
            return new LinkResult(LinkOutcome.Paused, RetryAfter: TimeSpan.FromMilliseconds(lockout.UntilMs - nowMs));
        }

        long since = (now - _options.AttemptWindow).ToUnixTimeMilliseconds();
        long accountFailures = await LinkAttemptStore.CountFailuresAsync(session.Connection, session.Transaction, LinkFailureScope.Account, requester, since, cancellationToken);
        long conversationFailures = await LinkAttemptStore.CountFailuresAsync(session.Connection, session.Transaction, LinkFailureScope.Conversation, requester, since, cancellationToken);
        if (accountFailures >= _options.MaxFailedAttempts || conversationFailures >= _options.MaxFailedAttemptsPerConversation)
        {
            return new LinkResult(LinkOutcome.TooManyAttempts, RetryAfter: _options.AttemptWindow);
        }

        string hash = Hash(code.Trim());
        CodeRow? row = await session.Connection.QuerySingleOrDefaultAsync<CodeRow>(new CommandDefinition(
            "SELECT MemberId, ExpiresAtMs, UsedAtMs, VoidedAtMs FROM LinkCodes WHERE CodeHash = @CodeHash;",
            new { CodeHash = hash },
            session.Transaction,
            cancellationToken: cancellationToken));
        LinkOutcome outcome = row switch
        {
            null => LinkOutcome.Invalid,
            { UsedAtMs: not null } => LinkOutcome.AlreadyUsed,
            { VoidedAtMs: not null } => LinkOutcome.Withdrawn,
            _ when row.ExpiresAtMs <= nowMs => LinkOutcome.Expired,
            _ => LinkOutcome.Linked,
        };

        await LinkAttemptStore.RecordAttemptAsync(session, requester, nowMs, outcome == LinkOutcome.Linked, cancellationToken);
        if (outcome != LinkOutcome.Linked)
        {
            await AfterFailureAsync(session, now, accountFailures + 1, conversationFailures + 1, cancellationToken);
            return new LinkResult(outcome);
        }

        await session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE LinkCodes SET UsedAtMs = @AtMs WHERE CodeHash = @CodeHash;",
            new { AtMs = nowMs, CodeHash = hash },
            session.Transaction,
            cancellationToken: cancellationToken));
        await MemberStore.LinkAccountAsync(session, row!.MemberId, requester.ChannelId, requester.UserId, requester.AadObjectId, "code", now, cancellationToken);
        await AuditStore.AppendAsync(session.Connection, session.Transaction, new AuditEntry($"{requester.ChannelId}:{requester.UserId}", "link", "MemberAccount", row.MemberId.ToString(CultureInfo.InvariantCulture), null, new { requester.ChannelId, requester.UserId, via = "code" }), now, cancellationToken);
        return new LinkResult(LinkOutcome.Linked, row.MemberId);
    }

    /// <summary>The lockout, the failures in the global window and the codes, for the administrator.</summary>
    public async Task<LinkGuardStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        long nowMs = now.ToUnixTimeMilliseconds();
        await using SqliteConnection connection = await database.OpenAsync(cancellationToken);
        LinkLockout? lockout = await LinkAttemptStore.LatestLockoutAsync(connection, null, cancellationToken);
        long failures = await LinkAttemptStore.CountFailuresAsync(
            connection, null, LinkFailureScope.Everyone, null, (now - _options.GlobalWindow).ToUnixTimeMilliseconds(), cancellationToken);
        (long outstanding, long voided) = await LinkAttemptStore.CountCodesAsync(connection, nowMs, cancellationToken);
        return new LinkGuardStatus(
            lockout is not null && lockout.UntilMs > nowMs ? lockout : null, failures, _options.GlobalWindow, _options.GlobalMaxFailedAttempts, outstanding, voided);
    }

    private async Task AfterFailureAsync(DbSession session, DateTimeOffset now, long accountFailures, long conversationFailures, CancellationToken cancellationToken)
    {
        long nowMs = now.ToUnixTimeMilliseconds();
        long failures = await LinkAttemptStore.CountFailuresAsync(
            session.Connection, session.Transaction, LinkFailureScope.Everyone, null, (now - _options.GlobalWindow).ToUnixTimeMilliseconds(), cancellationToken);
        if (failures >= _options.GlobalMaxFailedAttempts)
        {
            DateTimeOffset until = now + _options.GlobalLockout;
            await LinkAttemptStore.StartLockoutAsync(session, nowMs, until.ToUnixTimeMilliseconds(), failures, cancellationToken);
            logger.LinkLockoutStarted(failures, _options.GlobalWindow, until);
        }

        int voided = await LinkAttemptStore.VoidGuessedCodesAsync(session, nowMs, _options.MaxFailedAttemptsPerCode, cancellationToken);
        if (voided > 0)
        {
            logger.LinkCodesVoided(voided, _options.MaxFailedAttemptsPerCode);
        }

        if (accountFailures == _options.MaxFailedAttempts)
        {
            logger.LinkAttemptsLimited(nameof(LinkFailureScope.Account), accountFailures, _options.AttemptWindow);
        }

        if (conversationFailures == _options.MaxFailedAttemptsPerConversation)
        {
            logger.LinkAttemptsLimited(nameof(LinkFailureScope.Conversation), conversationFailures, _options.AttemptWindow);
        }
    }

    private static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    private sealed record CodeRow(long MemberId, long ExpiresAtMs, long? UsedAtMs, long? VoidedAtMs);
}
