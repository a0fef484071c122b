using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using HeaderSync.Simulator.Faults;
using HeaderSync.Simulator.Tenant;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HeaderSync.Simulator.Identity;

/// <summary>Issues Entra-shaped v2.0 access and id tokens signed with the tenant's key.</summary>
internal sealed class TokenIssuer(
    TenantDirectory directory, SigningKey key, FaultState faults, TimeProvider time)
{
    public const string GraphAudience = "https://graph.microsoft.com";
    public const string GraphAppId = "00000003-0000-0000-c000-000000000000";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Issuer(string root) => $"{root}/{directory.TenantId}/v2.0";

    /// <summary>An app-only token; <paramref name="audience"/> is Graph's or the portal's.</summary>
    public string AppToken(string root, TenantApplication app, string audience)
    {
        var roles = audience == GraphAudience
            ? faults.Current.HeaderOnlyPermission ? ["Mail.ReadBasic.All", "User.Read.All"] : app.Roles
            : app.Roles.Where(r => r.StartsWith("HeaderSync.", StringComparison.Ordinal)).ToList();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("sp:" + app.ClientId));
        var servicePrincipal = new Guid(hash.AsSpan(0, 16));
        var claims = new Dictionary<string, object>
        {
            ["tid"] = directory.TenantId.ToString(),
            ["oid"] = servicePrincipal.ToString(),
            ["sub"] = servicePrincipal.ToString(),
            ["azp"] = app.ClientId,
            ["appid"] = app.ClientId,
            ["idtyp"] = "app",
            ["ver"] = "2.0",
        };
        if (roles.Count > 0)
        {
            claims["roles"] = roles.ToArray();
        }

        return Create(root, audience, claims);
    }

    /// <summary>
    /// An id token; one sent from the authorize endpoint with a code carries <c>c_hash</c>,
    /// which OpenID Connect clients check in the hybrid flow.
    /// </summary>
    public string IdToken(string root, string clientId, SimulatedUser user, string? nonce, string? code = null)
    {
        var claims = UserClaims(user, nonce);
        if (code is not null)
        {
            var hash = SHA256.HashData(Encoding.ASCII.GetBytes(code));
            claims["c_hash"] = Base64Url.EncodeToString(hash.AsSpan(0, hash.Length / 2));
        }

        return Create(root, clientId, claims);
    }

    public string UserAccessToken(string root, string clientId, SimulatedUser user)
    {
        var claims = UserClaims(user, null);
        claims["scp"] = "access_as_user";
        claims["azp"] = clientId;
        return Create(root, clientId, claims);
    }

    private Dictionary<string, object> UserClaims(SimulatedUser user, string? nonce)
    {
        var claims = new Dictionary<string, object>
        {
            ["tid"] = directory.TenantId.ToString(),
            ["oid"] = user.Id.ToString(),
            ["sub"] = user.Id.ToString("N"),
            ["name"] = user.DisplayName,
            ["preferred_username"] = user.UserPrincipalName,
            ["email"] = user.UserPrincipalName,
            ["ver"] = "2.0",
        };
        if (user.IsAdmin)
        {
            claims["roles"] = new[] { "HeaderSync.Admin" };
        }

        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }

        return claims;
    }

    private string Create(string root, string audience, Dictionary<string, object> claims)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer(root),
            Audience = audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = key.Credentials,
        });
    }
}
