using Microsoft.Playwright;

namespace HeaderSync.Tests.Browser;

[Collection(PortalTestGroup.Name)]
public sealed class DarkModeTests(PortalFixture portal, BrowserFixture browser)
{
    [Fact]
    public async Task UntilChosenThePortalFollowsTheSystemsDarkPreference()
    {
        await using var portalPage = new PortalPage(portal, browser) { ColorScheme = ColorScheme.Dark };

        var page = await portalPage.OpenAsync("/");

        await Assertions.Expect(page.GetByLabel("Dark mode")).ToBeCheckedAsync();
        Assert.True(await PageIsDarkAsync(page));
    }

    [Fact]
    public async Task AChosenDarkThemeSurvivesAReloadOnALightSystem()
    {
        await using var portalPage = new PortalPage(portal, browser) { ColorScheme = ColorScheme.Light };
        var page = await portalPage.OpenAsync("/");
        await Assertions.Expect(page.GetByLabel("Dark mode")).Not.ToBeCheckedAsync();
        Assert.False(await PageIsDarkAsync(page));

        await page.GetByLabel("Dark mode").CheckAsync();
        await Assertions.Expect(page.GetByLabel("Dark mode")).ToBeCheckedAsync();

        // The switch shows its new state at once; the browser keeps the choice a round trip later.
        for (var i = 0; i < 100 && !(await page.Context.CookiesAsync()).Any(c => c is { Name: "HeaderSync.Theme", Value: "dark" }); i++)
        {
            await Task.Delay(100);
        }

        await page.ReloadAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync(new() { Timeout = 30_000 });

        await Assertions.Expect(page.GetByLabel("Dark mode")).ToBeCheckedAsync();
        Assert.True(await PageIsDarkAsync(page));
        await portalPage.ScreenshotAsync("overview-dark");
    }

    /// <summary>Whether the page's background is dark: its relative luminance below one half.</summary>
    private static async Task<bool> PageIsDarkAsync(IPage page)
    {
        var luminance = await page.EvaluateAsync<double>(
            """
            () => {
                const colour = getComputedStyle(document.body).backgroundColor;
                const [r, g, b] = colour.match(/\d+/g).map(Number);
                return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
            }
            """);
        return luminance < 0.5;
    }
}
