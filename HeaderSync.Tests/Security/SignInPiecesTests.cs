using System.Net;
using System.Security.Claims;
using HeaderSync.Tests.Browser;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace HeaderSync.Tests.Security;

[Collection(PortalTestGroup.Name)]
public sealed class SignInPiecesTests(PortalFixture portal)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("/health")]
    [InlineData("/")]
    [InlineData("/hubs/sync-status/negotiate")]
    public async Task EveryResponseCarriesTheSecurityHeaders(string path)
    {
        using var anonymous = PortalSession.CreateAnonymous(portal.BaseAddress);

        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("img-src 'self' data:", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Single(response.Headers.GetValues("Referrer-Policy"));
    }

    [Fact]
    public async Task SigningOutNeedsAnAntiforgeryToken()
    {
        using var admin = await PortalSession.SignInAsync(portal.BaseAddress, portal.Admin);

        using var forged = await admin.PostAsync(new Uri("/signout", UriKind.Relative), content: null);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var stillIn = await admin.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    [Theory]
    [InlineData("/mailboxes?x=1", "/mailboxes?x=1")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData(null, "/")]
    public void SignInReturnsOnlyToLocalPaths(string? returnUrl, string expected) =>
        Assert.Equal(expected, SignInEndpoints.LocalOrRoot(returnUrl));

    [Theory]
    [InlineData("Ingrid Petrova", "IP")]
    [InlineData("ana maria de la cruz", "AC")]
    [InlineData("admin@contoso.com", "AC")]
    [InlineData("Zoë", "Z")]
    [InlineData("", "?")]
    public void InitialsComeFromTheFirstAndLastName(string name, string initials) =>
        Assert.Equal(initials, PortalUser.InitialsOf(name));

    [Fact]
    public void AnOpenCircuitKeepsItsAdminUntilTheSessionEnds()
    {
        var state = State(expires: Now.AddMinutes(10), "HeaderSync.Admin");

        Assert.True(AdminRevalidatingStateProvider.IsStillValid(state, Now));
        Assert.False(AdminRevalidatingStateProvider.IsStillValid(state, Now.AddMinutes(10)));
    }

    [Fact]
    public void AnOpenCircuitWithoutTheRoleOrWithoutASessionEndIsNotValid()
    {
        Assert.False(AdminRevalidatingStateProvider.IsStillValid(State(Now.AddHours(1)), Now));
        Assert.False(AdminRevalidatingStateProvider.IsStillValid(State(null, "HeaderSync.Admin"), Now));
    }

    private static AuthenticationState State(DateTimeOffset? expires, params string[] roles)
    {
        var claims = roles.Select(r => new Claim("roles", r)).ToList();
        if (expires is { } end)
        {
            claims.Add(new Claim(PortalCookie.ExpiresClaim, end.ToUnixTimeSeconds().ToString(
                System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
    }
}
