using Microsoft.Playwright;

namespace HeaderSync.Tests.Browser;

[Collection(PortalTestGroup.Name)]
public sealed class OverviewPageTests(PortalFixture portal, BrowserFixture browser)
{
    [Fact]
    public async Task TheOverviewOpensInteractiveWithTheNavigationAndFigures()
    {
        await using var portalPage = new PortalPage(portal, browser);

        var page = await portalPage.OpenAsync("/");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Overview" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("figure-mailboxes")).ToContainTextAsync("Mailboxes");
        await Assertions.Expect(page.GetByTestId("figure-mode")).ToContainTextAsync("Standard");
        var screenshot = await portalPage.ScreenshotAsync("overview");
        Assert.True(new FileInfo(screenshot).Length > 5_000);
    }
}
