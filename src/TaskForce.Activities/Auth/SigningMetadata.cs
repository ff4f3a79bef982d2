using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace TaskForce.Activities.Auth;

/// <summary>One fetch of an OpenID metadata document plus the endorsements of its keys, refreshed together.</summary>
internal sealed record SigningMetadata(
    OpenIdConnectConfiguration Configuration, IReadOnlyDictionary<string, IReadOnlySet<string>> Endorsements);
