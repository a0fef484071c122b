using HeaderSync.Web.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeaderSync.Tests.Security;

/// <summary>
/// The three adjustments that let Identity.Web sign in at the simulated tenant's plain-http
/// authority exist in Development only: in Production the handlers keep their strict defaults.
/// </summary>
public sealed class SimulatedAuthorityTests
{
    [Fact]
    public void InProductionSignInRequiresHttpsMetadataValidatesTheIssuerAndSecureCookies()
    {
        using var services = AuthenticationServices("Production");

        var oidc = services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>()
            .Get(OpenIdConnectDefaults.AuthenticationScheme);
        var bearer = services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>()
            .Get(JwtBearerDefaults.AuthenticationScheme);
        var cookie = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme);

        Assert.True(oidc.RequireHttpsMetadata);
        Assert.NotNull(oidc.TokenValidationParameters.IssuerValidator);
        Assert.Equal(CookieSecurePolicy.Always, oidc.CorrelationCookie.SecurePolicy);
        Assert.Equal(CookieSecurePolicy.Always, oidc.NonceCookie.SecurePolicy);
        Assert.True(bearer.RequireHttpsMetadata);
        Assert.Equal(CookieSecurePolicy.Always, cookie.Cookie.SecurePolicy);
    }

    [Fact]
    public void InDevelopmentTheSameSettingsAreRelaxedForTheSimulatedAuthority()
    {
        using var services = AuthenticationServices("Development");

        var oidc = services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>()
            .Get(OpenIdConnectDefaults.AuthenticationScheme);
        var cookie = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme);

        Assert.False(oidc.RequireHttpsMetadata);
        Assert.Null(oidc.TokenValidationParameters.IssuerValidator);
        Assert.Equal(CookieSecurePolicy.SameAsRequest, oidc.CorrelationCookie.SecurePolicy);
        Assert.Equal(CookieSecurePolicy.SameAsRequest, cookie.Cookie.SecurePolicy);
    }

    private static ServiceProvider AuthenticationServices(string environment)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = "11111111-1111-1111-1111-111111111111",
            ["AzureAd:ClientId"] = "22222222-2222-2222-2222-222222222222",
            ["AzureAd:ClientSecret"] = "s3cret",
        });
        builder.AddHeaderSyncAuthentication();
        return builder.Services.BuildServiceProvider();
    }
}
