using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TaskForce.IntegrationTests.Infrastructure;

/// <summary>Mints Bot Framework and Entra tokens signed by a <see cref="TestOpenIdServer"/>'s keys, or deliberately broken ones.</summary>
internal sealed class TokenMinter(TestOpenIdServer server)
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>A Bot Framework channel token for <paramref name="serviceUrl"/>, valid from now for an hour.</summary>
    public string BotFramework(
        string audience,
        string serviceUrl,
        string issuer = BotFrameworkIssuer,
        SecurityKey? key = null,
        DateTime? notBefore = null,
        DateTime? expires = null,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        DateTime now = DateTime.UtcNow;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            IssuedAt = notBefore ?? now,
            NotBefore = notBefore ?? now.AddSeconds(-5),
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(key ?? server.BotFrameworkKey, algorithm),
        });
    }

    /// <summary>An Entra v2 token of <paramref name="tenantId"/> for the bot, issued to <paramref name="callerAppId"/>.</summary>
    public string Entra(string audience, string tenantId, string? callerAppId, string? tidClaim = null, string? serviceUrl = null, bool v1 = false)
    {
        DateTime now = DateTime.UtcNow;
        List<Claim> claims = [new Claim("tid", tidClaim ?? tenantId), new Claim("ver", v1 ? "1.0" : "2.0")];
        if (callerAppId is not null)
        {
            claims.Add(new Claim(v1 ? "appid" : "azp", callerAppId));
        }

        if (serviceUrl is not null)
        {
            claims.Add(new Claim("serviceurl", serviceUrl));
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = v1 ? $"https://sts.windows.net/{tenantId}/" : $"https://login.microsoftonline.com/{tenantId}/v2.0",
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.AddSeconds(-5),
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(server.EntraKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A Bot Framework token, properly signed, whose payload is exactly <paramref name="payloadJson"/>.</summary>
    public string SignedPayload(string payloadJson) =>
        _handler.CreateToken(payloadJson, new SigningCredentials(server.BotFrameworkKey, SecurityAlgorithms.RsaSha256));

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid Bot Framework claims.</summary>
    public static string Unsigned(string audience, string serviceUrl) =>
        $"{Segment(new { alg = "none", typ = "JWT" })}.{Segment(Claims(audience, serviceUrl))}.";

    /// <summary>An HS256 token whose HMAC key is the RSA public key's bytes (the classic key-confusion attack).</summary>
    public string HmacWithPublicKey(string audience, string serviceUrl)
    {
        byte[] publicKey = server.BotFrameworkKey.Rsa.ExportSubjectPublicKeyInfo();
        string signingInput = $"{Segment(new { alg = "HS256", typ = "JWT", kid = server.BotFrameworkKey.KeyId })}.{Segment(Claims(audience, serviceUrl))}";
        byte[] signature = System.Security.Cryptography.HMACSHA256.HashData(publicKey, Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>Flips a character of the signature so it no longer verifies.</summary>
    public static string Tamper(string token)
    {
        int dot = token.LastIndexOf('.');
        char[] chars = token.ToCharArray();
        chars[dot + 5] = chars[dot + 5] == 'A' ? 'B' : 'A';
        return new string(chars);
    }

    private static Dictionary<string, object> Claims(string audience, string serviceUrl)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new Dictionary<string, object>
        {
            ["iss"] = BotFrameworkIssuer,
            ["aud"] = audience,
            ["serviceurl"] = serviceUrl,
            ["nbf"] = now - 5,
            ["exp"] = now + 3600,
        };
    }

    private static string Segment(object value) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));
}
