using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace HeaderSync.Web.Security;

/// <summary>
/// The three adjustments Identity.Web needs to sign in against the simulated tenant's plain-http
/// authority. Called only in Development, and no setting reaches them: a real tenant never runs
/// with them.
/// </summary>
internal static class SimulatedAuthority
{
    // Configure, not PostConfigure: the handlers' own post-configuration refuses http authorities,
    // and these run after Identity.Web's configuration because they are registered after it.
    public static void Relax(IServiceCollection services)
    {
        services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
            .Configure<IOptions<AzureAdSettings>>((o, azureAd) =>
            {
                o.RequireHttpsMetadata = false;

                // Identity.Web's issuer validator would fetch the metadata over https.
                o.TokenValidationParameters.IssuerValidator = null;
                o.TokenValidationParameters.ValidIssuer = azureAd.Value.Authority;

                // Plain HttpClient sends no Secure cookie over http; both ends are on loopback,
                // so the form_post from the authority is same-site and Lax is enough.
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
            });
        services.PostConfigure<CookieAuthenticationOptions>(
            CookieAuthenticationDefaults.AuthenticationScheme,
            o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<JwtBearerOptions>(
            JwtBearerDefaults.AuthenticationScheme, o => o.RequireHttpsMetadata = false);
    }
}
