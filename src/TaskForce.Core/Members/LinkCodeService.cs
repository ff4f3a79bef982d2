using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.Options;
using TaskForce.Core.Audit;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Members;

public enum LinkOutcome
{
    Linked,
    Invalid,
    Expired,
    AlreadyUsed,
    TooManyAttempts,
}

public sealed record LinkResult(LinkOutcome Outcome, long? MemberId = null);

/// <summary>One-time codes an admin issues (<c>link-code</c>) for a member to link a chat account that the roster cannot match.</summary>
public sealed class LinkCodeService(Database database, TimeProvider time, IOptions<LinkCodeOptions> options)
{
    private readonly LinkCodeOptions _options = options.Value;

    /// <summary>Issues a new code for the member; only its hash is stored.</summary>
    public async Task<(string Code, DateTimeOffset ExpiresAt)> IssueAsync(long memberId, string actor, CancellationToken cancellationToken)
    {
        string code = RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
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
                await AuditStore.AppendAsync(session.Connection, session.Transaction, new AuditEntry(actor, "issue", "LinkCode", memberId.ToString(System.Globalization.CultureInfo.InvariantCulture), null, new { ExpiresAt = expires }), now, cancellationToken);
                return true;
            },
            cancellationToken);
        return (code, expires);
    }

    /// <summary>Redeems a code inside the turn's transaction; failed attempts are counted per chat account.</summary>
    public async Task<LinkResult> RedeemAsync(
        DbSession session, string channelId, string userId, string? aadObjectId, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        DateTimeOffset now = time.GetUtcNow();
        long windowStart = (now - _options.AttemptWindow).ToUnixTimeMilliseconds();
        long failures = await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM LinkAttempts WHERE ChannelId = @ChannelId AND UserId = @UserId AND AtMs >= @WindowStart AND Succeeded = 0;",
            new { ChannelId = channelId, UserId = userId, WindowStart = windowStart },
            session.Transaction,
            cancellationToken: cancellationToken));
        if (failures >= _options.MaxFailedAttempts)
        {
            return new LinkResult(LinkOutcome.TooManyAttempts);
        }

        CodeRow? row = await session.Connection.QuerySingleOrDefaultAsync<CodeRow>(new CommandDefinition(
            "SELECT MemberId, ExpiresAtMs, UsedAtMs FROM LinkCodes WHERE CodeHash = @CodeHash;",
            new { CodeHash = Hash(code.Trim()) },
            session.Transaction,
            cancellationToken: cancellationToken));
        LinkOutcome outcome = row switch
        {
            null => LinkOutcome.Invalid,
            { UsedAtMs: not null } => LinkOutcome.AlreadyUsed,
            _ when row.ExpiresAtMs <= now.ToUnixTimeMilliseconds() => LinkOutcome.Expired,
            _ => LinkOutcome.Linked,
        };

        await session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO LinkAttempts (ChannelId, UserId, AtMs, Succeeded) VALUES (@ChannelId, @UserId, @AtMs, @Succeeded);",
            new { ChannelId = channelId, UserId = userId, AtMs = now.ToUnixTimeMilliseconds(), Succeeded = outcome == LinkOutcome.Linked },
            session.Transaction,
            cancellationToken: cancellationToken));
        if (outcome != LinkOutcome.Linked)
        {
            return new LinkResult(outcome);
        }

        await session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE LinkCodes SET UsedAtMs = @AtMs WHERE CodeHash = @CodeHash;",
            new { AtMs = now.ToUnixTimeMilliseconds(), CodeHash = Hash(code.Trim()) },
            session.Transaction,
            cancellationToken: cancellationToken));
        await MemberStore.LinkAccountAsync(session, row!.MemberId, channelId, userId, aadObjectId, "code", now, cancellationToken);
        await AuditStore.AppendAsync(session.Connection, session.Transaction, new AuditEntry($"{channelId}:{userId}", "link", "MemberAccount", row.MemberId.ToString(System.Globalization.CultureInfo.InvariantCulture), null, new { channelId, userId, via = "code" }), now, cancellationToken);
        return new LinkResult(LinkOutcome.Linked, row.MemberId);
    }

    private static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    private sealed record CodeRow(long MemberId, long ExpiresAtMs, long? UsedAtMs);
}

/// <summary>Section <c>LinkCodes</c>.</summary>
public sealed class LinkCodeOptions
{
    public const string SectionName = "LinkCodes";

    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);

    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AttemptWindow { get; set; } = TimeSpan.FromMinutes(15);
}
