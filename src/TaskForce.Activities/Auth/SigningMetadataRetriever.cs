using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace TaskForce.Activities.Auth;

/// <summary>
/// Reads the metadata and its signing keys, then the raw JWKS once more for the Bot Framework's non-standard
/// <c>endorsements</c> arrays, which the IdentityModel key types do not expose (§4.1 step 7).
/// </summary>
internal sealed class SigningMetadataRetriever : IConfigurationRetriever<SigningMetadata>
{
    public async Task<SigningMetadata> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        OpenIdConnectConfiguration configuration = await OpenIdConnectConfigurationRetriever.GetAsync(address, retriever, cancel);
        Dictionary<string, IReadOnlySet<string>> endorsements = new(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(configuration.JwksUri))
        {
            string jwks = await retriever.GetDocumentAsync(configuration.JwksUri, cancel);
            ReadEndorsements(jwks, endorsements);
        }

        return new SigningMetadata(configuration, endorsements);
    }

    private static void ReadEndorsements(string jwks, Dictionary<string, IReadOnlySet<string>> endorsements)
    {
        using JsonDocument document = JsonDocument.Parse(jwks);
        if (!document.RootElement.TryGetProperty("keys", out JsonElement keys) || keys.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (JsonElement key in keys.EnumerateArray())
        {
            if (key.ValueKind == JsonValueKind.Object
                && key.TryGetProperty("kid", out JsonElement kid) && kid.ValueKind == JsonValueKind.String
                && key.TryGetProperty("endorsements", out JsonElement list) && list.ValueKind == JsonValueKind.Array)
            {
                endorsements[kid.GetString()!] = list.EnumerateArray()
                    .Where(item => item.ValueKind == JsonValueKind.String)
                    .Select(item => item.GetString()!)
                    .ToHashSet(StringComparer.Ordinal);
            }
        }
    }
}
