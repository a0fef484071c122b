using System.Net;
using System.Reflection;
using HeaderSync.Tests.Browser;
using HeaderSync.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace HeaderSync.Tests.Security;

/// <summary>
/// Every routable page, endpoint and hub, asked by an anonymous caller, a signed-in seller and the
/// admin. A route added later is covered without anyone listing it here.
/// </summary>
[Collection(PortalTestGroup.Name)]
public sealed class AccessMatrixTests(PortalFixture portal)
{
    private static readonly string[] AllowList = ["/health", "/signin", "/signout"];

    [Fact]
    public void TheAnonymousEndpointsAreExactlyTheAllowListBesidesStaticAssets()
    {
        var routes = PortalRoute.Discover(portal.Services);

        var anonymous = routes.Where(r => r.IsAnonymous).Select(r => r.Path).Distinct().Order();

        Assert.Equal(AllowList.Order(), anonymous);
        Assert.True(PortalRoute.CountStaticAssets(portal.Services) > 10);
    }

    [Fact]
    public void EveryRoutableComponentIsAnEndpoint()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(a => a.Template)
            .ToList();
        var paths = PortalRoute.Discover(portal.Services).Where(r => r.IsPage).Select(r => r.Path).ToList();

        Assert.NotEmpty(pages);
        Assert.All(pages, template => Assert.Contains(template, paths, StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/signin-oidc")]
    [InlineData("/signout-callback-oidc")]
    public async Task TheOpenIdConnectCallbacksAreReachedWithoutSigningIn(string path)
    {
        using var anonymous = PortalSession.CreateAnonymous(portal.BaseAddress);

        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("/signin?", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousCallersAreChallengedEverywhereElse()
    {
        using var anonymous = PortalSession.CreateAnonymous(portal.BaseAddress);

        var violations = await AnonymousViolationsAsync(anonymous, PortalRoute.Discover(portal.Services));

        Assert.Empty(violations);
    }

    [Fact]
    public async Task ASignedInSellerIsRefusedEverywhereButAccessDenied()
    {
        using var seller = await PortalSession.SignInAsync(portal.BaseAddress, portal.Seller);
        var violations = new List<string>();

        foreach (var route in PortalRoute.Discover(portal.Services).Where(r => !r.IsAnonymous))
        {
            var accessDenied = route.Path == "/access-denied";
            using var plain = await seller.SendAsync(route.Request(html: false));
            if (accessDenied ? plain.StatusCode != HttpStatusCode.OK : plain.StatusCode != HttpStatusCode.Forbidden)
            {
                violations.Add($"{route}: {(int)plain.StatusCode}");
            }

            if (route.IsPage && !accessDenied)
            {
                using var page = await seller.SendAsync(route.Request(html: true));
                if (page.Headers.Location?.AbsolutePath is not "/access-denied")
                {
                    violations.Add($"{route} (browser): {(int)page.StatusCode} {page.Headers.Location}");
                }
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public async Task TheAdminIsLetThroughEverywhere()
    {
        using var admin = await PortalSession.SignInAsync(portal.BaseAddress, portal.Admin);
        var violations = new List<string>();

        foreach (var route in PortalRoute.Discover(portal.Services).Where(r => !r.IsAnonymous))
        {
            using var response = await admin.SendAsync(route.Request(html: route.IsPage));
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                || response.Headers.Location?.OriginalString.Contains("/signin", StringComparison.Ordinal) == true
                || response.Headers.Location?.OriginalString.Contains("/access-denied", StringComparison.Ordinal) == true)
            {
                violations.Add($"{route}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public async Task WithoutTheFallbackPolicyTheMatrixFails()
    {
        // The same portal with the fallback policy removed: the checks above must notice.
        await using var unguarded = portal.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.PostConfigure<AuthorizationOptions>(o => o.FallbackPolicy = null);

            // A second scheduler on the shared database would race the first one.
            services.RemoveAll<IHostedService>();
        }));
        using var anonymous = unguarded.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
        });

        var violations = await AnonymousViolationsAsync(anonymous, PortalRoute.Discover(unguarded.Services));

        // The hub answers an anonymous caller itself (400: no connection id) instead of 401.
        Assert.True(
            violations.Any(v => v.StartsWith("GET /hubs/sync-status:", StringComparison.Ordinal)),
            string.Join("; ", violations));
    }

    private static async Task<List<string>> AnonymousViolationsAsync(
        HttpClient anonymous, IEnumerable<PortalRoute> routes)
    {
        var violations = new List<string>();
        foreach (var route in routes.Where(r => !r.IsAnonymous))
        {
            using var plain = await anonymous.SendAsync(route.Request(html: false));
            if (plain.StatusCode != HttpStatusCode.Unauthorized)
            {
                violations.Add($"{route}: {(int)plain.StatusCode}");
            }

            if (route.IsPage)
            {
                using var page = await anonymous.SendAsync(route.Request(html: true));
                if (page.Headers.Location?.AbsolutePath is not "/signin")
                {
                    violations.Add($"{route} (browser): {(int)page.StatusCode} {page.Headers.Location}");
                }
            }
        }

        return violations;
    }
}
