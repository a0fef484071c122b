using HeaderSync.Simulator.Tenant;
using Microsoft.Playwright;

namespace HeaderSync.Tests.Browser;

/// <summary>
/// Opens portal pages in a fresh browser context, signing in through the simulated tenant's
/// authority as <c>user</c> (the admin unless told), and waits until they are interactive.
/// </summary>
public sealed class PortalPage(PortalFixture portal, BrowserFixture browser, SimulatedUser? user = null)
    : IAsyncDisposable
{
    private IBrowserContext? context;

    public IPage Page { get; private set; } = null!;

    public SimulatedUser User { get; } = user ?? portal.Admin;

    /// <summary>The colour scheme the browser reports as the system's preference.</summary>
    public ColorScheme ColorScheme { get; init; } = ColorScheme.Light;

    public async Task<IPage> OpenAsync(string path)
    {
        await GoAsync(path);

        // The layout marks itself once the Blazor circuit has rendered it interactively.
        await Page.Locator("[data-interactive='true']").WaitForAsync(new() { Timeout = 30_000 });
        return Page;
    }

    /// <summary>Goes to a path, picking the account on the authority's page when sent there.</summary>
    public async Task<IPage> GoAsync(string path)
    {
        context ??= await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            ColorScheme = ColorScheme,
        });
        Page = await context.NewPageAsync();
        await Page.GotoAsync(path);
        if (Page.Url.StartsWith(portal.Tenant.RootUrl.AbsoluteUri, StringComparison.Ordinal))
        {
            await PickAccountAsync();
        }

        return Page;
    }

    /// <summary>On the authority's account list: click the user, then follow the form post back.</summary>
    public async Task PickAccountAsync()
    {
        await Page.Locator($"a[data-upn='{User.UserPrincipalName}']").ClickAsync();
        await Page.WaitForURLAsync(
            url => url.StartsWith(portal.BaseAddress.AbsoluteUri, StringComparison.Ordinal)
                && !url.Contains("/signin", StringComparison.Ordinal),
            new() { Timeout = 30_000 });
    }

    public async Task<string> ScreenshotAsync(string name)
    {
        var file = Path.Combine(Infrastructure.RepositoryPaths.ArtifactsDirectory("screenshots"), $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        return file;
    }

    public async ValueTask DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }
    }
}
