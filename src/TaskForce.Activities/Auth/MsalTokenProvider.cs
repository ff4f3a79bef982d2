using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;
using MsalResult = Microsoft.Identity.Client.AuthenticationResult;

namespace TaskForce.Activities.Auth;

/// <summary>
/// Client-credentials (secret or certificate) or managed-identity tokens for the connector scope (§4.4). MSAL keeps
/// the token in its in-memory cache and fetches a new one shortly before it expires; one instance lives per process.
/// </summary>
internal sealed class MsalTokenProvider(IOptions<BotOptions> options) : IBotTokenProvider
{
    public const string Scope = "https://api.botframework.com/.default";
    public const string Resource = "https://api.botframework.com";

    private readonly Lazy<IConfidentialClientApplication?> _confidential = new(() => CreateConfidential(options.Value));
    private readonly Lazy<IManagedIdentityApplication?> _managed = new(() => CreateManaged(options.Value));

    public async Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        BotOptions settings = options.Value;
        if (settings.IsDevelopmentMode)
        {
            return null;
        }

        if (settings.MicrosoftAppType == BotAppType.UserAssignedMSI)
        {
            MsalResult managed = await _managed.Value!.AcquireTokenForManagedIdentity(Resource)
                .WithForceRefresh(forceRefresh)
                .ExecuteAsync(cancellationToken);
            return managed.AccessToken;
        }

        MsalResult result = await _confidential.Value!.AcquireTokenForClient([Scope])
            .WithForceRefresh(forceRefresh)
            .ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }

    /// <summary>The token authority for an app type: botframework.com for multi-tenant, the tenant otherwise (§4.2).</summary>
    public static string? AuthorityFor(BotOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string host = settings.LoginAuthorityHost.TrimEnd('/');
        return settings.MicrosoftAppType switch
        {
            BotAppType.MultiTenant => $"{host}/botframework.com",
            BotAppType.SingleTenant => $"{host}/{settings.MicrosoftAppTenantId}",
            _ => null,
        };
    }

    private static IConfidentialClientApplication? CreateConfidential(BotOptions settings)
    {
        if (settings.IsDevelopmentMode || settings.MicrosoftAppType == BotAppType.UserAssignedMSI)
        {
            return null;
        }

        ConfidentialClientApplicationBuilder builder = ConfidentialClientApplicationBuilder
            .Create(settings.MicrosoftAppId)
            .WithAuthority(AuthorityFor(settings));
        builder = string.IsNullOrEmpty(settings.CertificatePath)
            ? builder.WithClientSecret(settings.MicrosoftAppPassword)
            : builder.WithCertificate(X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath, settings.CertificatePassword));
        return builder.Build();
    }

    private static IManagedIdentityApplication? CreateManaged(BotOptions settings) =>
        settings.IsDevelopmentMode || settings.MicrosoftAppType != BotAppType.UserAssignedMSI
            ? null
            : ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(settings.MicrosoftAppId)).Build();
}
