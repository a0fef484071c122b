using Microsoft.Playwright;

namespace HeaderSync.Tests.Browser;

/// <summary>Opens portal pages in a fresh browser context and waits until they are interactive.</summary>
public sealed class PortalPage(PortalFixture portal, BrowserFixture browser) : IAsyncDisposable
{
    private IBrowserContext? context;

    public IPage Page { get; private set; } = null!;

    public async Task<IPage> OpenAsync(string path)
    {
        context ??= await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        Page = await context.NewPageAsync();
        await Page.GotoAsync(path);

        // The layout marks itself once the Blazor circuit has rendered it interactively.
        await Page.Locator("[data-interactive='true']").WaitForAsync(new() { Timeout = 30_000 });
        return Page;
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
