using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace HeaderSync.Web.Security;

/// <summary>The one app role the portal knows, and the policy that demands it.</summary>
public static class AdminRole
{
    public const string Name = "HeaderSync.Admin";

    /// <summary>The policy's name; also the fallback policy for every endpoint.</summary>
    public const string Policy = "HeaderSync.Admin";

    // Entra sends app roles as "roles"; a handler that maps inbound claims renames them.
    private static readonly string[] RoleClaimTypes = ["roles", ClaimTypes.Role];

    public static bool IsHeldBy(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && user.Claims.Any(c => RoleClaimTypes.Contains(c.Type) && c.Value == Name);

    public static AuthorizationPolicy BuildPolicy() => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireAssertion(context => IsHeldBy(context.User))
        .Build();
}
