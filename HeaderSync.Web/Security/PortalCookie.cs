using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HeaderSync.Web.Security;

/// <summary>The portal's session cookie: fixed lifetime, redirects for browsers, status codes for the rest.</summary>
internal static class PortalCookie
{
    /// <summary>When the session ends, in Unix seconds: lets an open circuit notice the end.</summary>
    public const string ExpiresClaim = "headersync_session_expires";

    public static void Configure(CookieAuthenticationOptions options, SignInOptions signIn)
    {
        options.Cookie.Name = "HeaderSync.Session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;

        // Never over plain http; only the simulated tenant's Development sign-in relaxes this.
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        options.ExpireTimeSpan = TimeSpan.FromMinutes(signIn.SessionMinutes);
        options.SlidingExpiration = false;
        options.LoginPath = SignInEndpoints.SignInPath;
        options.ReturnUrlParameter = SignInEndpoints.ReturnUrlParameter;
        options.AccessDeniedPath = SignInEndpoints.AccessDeniedPath;
        options.Events.OnSigningIn = AddExpiry;
        options.Events.OnRedirectToLogin = context =>
            RedirectOrStatus(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context =>
            RedirectOrStatus(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
    }

    public static DateTimeOffset? ExpiresAt(ClaimsPrincipal user)
    {
        var value = user.FindFirst(ExpiresClaim)?.Value;
        return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }

    private static Task AddExpiry(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is ClaimsIdentity identity && context.Properties.ExpiresUtc is { } expires)
        {
            identity.AddClaim(new Claim(ExpiresClaim,
                expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }

        return Task.CompletedTask;
    }

    private static Task RedirectOrStatus(HttpContext context, string redirectUri, int status)
    {
        if (PortalAuthentication.IsBrowserNavigation(context.Request))
        {
            context.Response.Redirect(redirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }
}
