using HeaderSync.Simulator.Tenant;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HeaderSync.Simulator.Identity;

/// <summary>Checks the bearer token on Graph calls: signature, audience, tenant and expiry.</summary>
internal sealed class GraphTokenValidator(TenantDirectory directory, SigningKey key, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>Returns why the token is refused, or null when it is good.</summary>
    public async Task<string?> RejectAsync(string? authorization, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return "Access token is empty.";
        }

        var token = authorization["Bearer ".Length..].Trim();
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = key.SecurityKey,
            ValidateIssuer = false,
            ValidAudiences = [TokenIssuer.GraphAudience, TokenIssuer.GraphAppId],

            // Lifetime is checked below against the tenant's clock, which tests can move.
            ValidateLifetime = false,
        });
        if (!result.IsValid)
        {
            return result.Exception
                is SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException
                ? "Signature validation failed."
                : "Access token validation failure. Invalid audience or malformed token.";
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        if (jwt.ValidTo <= time.GetUtcNow().UtcDateTime)
        {
            return "Lifetime validation failed, the token is expired.";
        }

        return jwt.TryGetPayloadValue<string>("tid", out var tid) && tid == directory.TenantId.ToString()
            ? null
            : "Access token validation failure: wrong tenant.";
    }
}
