using HeaderSync.Web.Status;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HeaderSync.Web.Security;

/// <summary>
/// Sign-in with Entra ID (cookie after OpenID Connect), Entra bearer tokens for the status hub,
/// and the fallback policy that makes every endpoint admin-only unless it says otherwise.
/// </summary>
internal static class PortalAuthentication
{
    /// <summary>Picks the cookie or the bearer handler per request.</summary>
    public const string Scheme = "HeaderSync";

    public static void AddHeaderSyncAuthentication(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(AzureAdSettings.Section);
        services.AddOptions<AzureAdSettings>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AzureAdSettings>, AzureAdSettingsValidator>();
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SignInOptions>, SignInOptionsValidator>();

        services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApp(section);
        services.AddAuthentication()
            .AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, _ => { })
            .AddPolicyScheme(Scheme, "Cookie or bearer", o => o.ForwardDefaultSelector = SelectScheme);

        // Registered after Identity.Web's own so these settings win.
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = Scheme;
            o.DefaultAuthenticateScheme = Scheme;
            o.DefaultChallengeScheme = Scheme;
            o.DefaultForbidScheme = Scheme;
            o.DefaultSignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .PostConfigure<IOptions<SignInOptions>>((o, signIn) => PortalCookie.Configure(o, signIn.Value));
        services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
            .Configure<IOptions<AzureAdSettings>>((o, azureAd) =>
            {
                // Authorization code with PKCE; the handler redeems the code itself (no MSAL).
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                o.ClientSecret = NullIfEmpty(azureAd.Value.ClientSecret);
                o.SignedOutRedirectUri = "/";
                var identityWeb = o.Events.OnTokenValidated;
                o.Events.OnTokenValidated = async context =>
                {
                    await identityWeb(context);
                    LogSignIn(context);
                };
            });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AzureAdSettings>>((o, azureAd) => HubBearer.Configure(o, azureAd.Value));

        if (builder.Environment.IsDevelopment())
        {
            SimulatedAuthority.Relax(services);
        }

        var admin = AdminRole.BuildPolicy();
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminRole.Policy, admin)
            .SetFallbackPolicy(admin);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, AdminRevalidatingStateProvider>();
    }

    private static void LogSignIn(Microsoft.AspNetCore.Authentication.OpenIdConnect.TokenValidatedContext context)
    {
        if (context.Principal is not { } user)
        {
            return;
        }

        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>()
            .CreateLogger(typeof(PortalAuthentication));
        var objectId = user.FindFirst("oid")?.Value
            ?? user.FindFirst("http://schemas.microsoft.com/identity/claims/objectidentifier")?.Value ?? "";
        var tenantId = user.FindFirst("tid")?.Value
            ?? user.FindFirst("http://schemas.microsoft.com/identity/claims/tenantid")?.Value ?? "";
        if (AdminRole.IsHeldBy(user))
        {
            SignInLog.SignedIn(logger, objectId, tenantId);
        }
        else
        {
            SignInLog.SignedInWithoutRole(logger, objectId, tenantId);
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static string SelectScheme(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var bearer = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || (context.Request.Path.StartsWithSegments(SyncStatusHub.Path)
                && context.Request.Query.ContainsKey(HubBearer.QueryParameter));
        return bearer ? JwtBearerDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme;
    }

    /// <summary>Browsers navigate with <c>Accept: text/html</c>; scripts and clients do not.</summary>
    public static bool IsBrowserNavigation(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
