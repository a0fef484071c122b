using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace HeaderSync.Web.Security;

/// <summary>
/// <c>/signin</c> and <c>/signout</c>, written here because Microsoft.Identity.Web.UI is not
/// available. Both are anonymous: they are how a visitor becomes, or stops being, a user.
/// </summary>
internal static class SignInEndpoints
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";
    public const string AccessDeniedPath = "/access-denied";
    public const string ReturnUrlParameter = "returnUrl";

    /// <summary>Every path anyone may reach without signing in, besides static assets.</summary>
    public static readonly IReadOnlyList<string> AnonymousPaths =
        ["/health", SignInPath, SignOutPath, "/signin-oidc", "/signout-callback-oidc"];

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(SignInPath, (string? returnUrl) => Results.Challenge(
                new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) },
                [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous();

        // A POST with an antiforgery token, so another site cannot sign an admin out. The
        // middleware only records its verdict; an endpoint without form binding must act on it.
        app.MapPost(SignOutPath, (HttpContext context) =>
                context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: true }
                    ? Results.SignOut(
                        new AuthenticationProperties { RedirectUri = "/" },
                        [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme])
                    : Results.Text(
                        "The sign-out form's antiforgery token is missing or invalid.", statusCode: 400))
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AllowAnonymous();
        return app;
    }

    /// <summary>Only a path on this site: an absolute or protocol-relative URL would be an open redirect.</summary>
    public static string LocalOrRoot(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/'
            && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            && !url.Contains("://", StringComparison.Ordinal)
            ? url
            : "/";
}
