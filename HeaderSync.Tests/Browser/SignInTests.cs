using HeaderSync.Web.Security;
using Microsoft.Playwright;

namespace HeaderSync.Tests.Browser;

/// <summary>Sign-in through the simulated tenant's authority, as a browser does it.</summary>
[Collection(PortalTestGroup.Name)]
public sealed class SignInTests(PortalFixture portal, BrowserFixture browser)
{
    [Fact]
    public async Task AnAdminSignsInAndSeesTheirInitialsAtTheBottomOfTheNavigation()
    {
        await using var portalPage = new PortalPage(portal, browser, portal.Admin);

        var page = await portalPage.OpenAsync("/");

        var initials = PortalUser.InitialsOf(portal.Admin.DisplayName);
        await Assertions.Expect(page.GetByTestId("user-initials")).ToHaveTextAsync(initials);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        var avatar = await page.GetByTestId("user-initials").BoundingBoxAsync();
        var viewport = page.ViewportSize!;
        Assert.True(avatar!.X < 240, $"avatar at x={avatar.X}");
        Assert.True(avatar.Y > viewport.Height - 120, $"avatar at y={avatar.Y}");
        await portalPage.ScreenshotAsync("signed-in");
    }

    [Fact]
    public async Task ASellerSignsInAndSeesAccessDenied()
    {
        await using var portalPage = new PortalPage(portal, browser, portal.Seller);

        var page = await portalPage.GoAsync("/");

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/access-denied");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("access-denied-user")).ToContainTextAsync(portal.Seller.DisplayName);
        await Assertions.Expect(page.GetByTestId("figure-mailboxes")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheAvatarMenuSignsOutAndTheNextVisitAsksForAnAccountAgain()
    {
        await using var portalPage = new PortalPage(portal, browser, portal.Admin);
        var page = await portalPage.OpenAsync("/");

        await page.GetByTestId("user-initials").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Settings" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // Signed out at the portal and at the authority, the portal sends the browser to sign in again.
        var authority = portal.Tenant.RootUrl.AbsoluteUri;
        await page.WaitForURLAsync(url => url.StartsWith(authority, StringComparison.Ordinal)
            && url.Contains("/authorize", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pick an account" }))
            .ToBeVisibleAsync();
        var cookies = await page.Context.CookiesAsync([portal.BaseAddress.AbsoluteUri]);
        Assert.DoesNotContain(cookies, c => c.Name.StartsWith("HeaderSync.Session", StringComparison.Ordinal));
    }
}
