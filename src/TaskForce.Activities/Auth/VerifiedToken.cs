using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace TaskForce.Activities.Auth;

/// <summary>
/// A bearer token whose signature, issuer, audience and lifetime have been verified, before the body is read; what
/// ties it to one activity (endorsement, <c>serviceurl</c>) is checked once the activity is known.
/// </summary>
internal sealed record VerifiedToken(
    InboundCredential Credential, string CallerId, ClaimsIdentity Identity, JsonWebToken Token, SigningMetadata Metadata);
