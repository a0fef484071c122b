using System.Text;
using Microsoft.Playwright;

namespace HeaderSync.Tests.Browser;

[Collection(PortalTestGroup.Name)]
public sealed class RuleTesterFlowTests(PortalFixture portal, BrowserFixture browser)
{
    // Domains of their own, so that nothing in the simulated tenant's basis names them.
    private const string Newsletter = """
        From: Northwind Deals <deals@news.northwind-rules.example>
        To: seller@contoso.com
        Subject: Twelve offers for December
        Message-ID: <dec-12@news.northwind-rules.example>
        List-Unsubscribe: <mailto:leave@news.northwind-rules.example>, <https://news.northwind-rules.example/leave>
        List-Id: Northwind Deals <deals.news.northwind-rules.example>
        Precedence: bulk
        """;

    private const string Stranger = """
        From: Ivo Stranger <ivo@wingtip-rules.example>
        To: seller@contoso.com
        Subject: Could we talk on Tuesday?
        Message-ID: <tue-1@wingtip-rules.example>
        Content-Type: text/plain; charset=utf-8

        Hello, could we talk about the offer on Tuesday?
        """;

    [Fact]
    public async Task AnAdminPastesANewsletterFromTheNavigationAndLearnsThatNoBasisChangeWouldSyncIt()
    {
        await using var portalPage = new PortalPage(portal, browser);
        var page = await portalPage.OpenAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Rule tester" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rule tester" })).ToBeVisibleAsync();
        Assert.EndsWith("/rule-tester", page.Url, StringComparison.Ordinal);
        await page.Locator("textarea").FillAsync(Newsletter);
        await page.GetByTestId("decide").ClickAsync();

        await Assertions.Expect(page.GetByTestId("decision")).ToHaveTextAsync("Ignored");
        await Assertions.Expect(page.GetByTestId("reason")).ToContainTextAsync("Automated");
        var trace = page.GetByTestId("trace");
        var automated = trace.GetByRole(AriaRole.Row).Filter(new() { HasText = "Automated" });
        await Assertions.Expect(automated).ToContainTextAsync("Decisive");
        await Assertions.Expect(automated).ToContainTextAsync("List-Unsubscribe");
        await Assertions.Expect(trace.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sensitive" }))
            .ToContainTextAsync("NotDecisive");
        await Assertions.Expect(trace.GetByRole(AriaRole.Row).Filter(new() { HasText = "NoProspect" }))
            .ToContainTextAsync("Skipped");
        await Assertions.Expect(page.GetByTestId("nothing-flips")).ToContainTextAsync("No change to the basis would");
        Assert.Equal(0, await page.GetByTestId("flip").CountAsync());
        await portalPage.ScreenshotAsync("rule-tester-newsletter");

        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "tuesday.eml", MimeType = "message/rfc822", Buffer = Encoding.UTF8.GetBytes(Stranger),
        });

        await Assertions.Expect(page.GetByTestId("reason")).ToContainTextAsync("NoProspect");
        await Assertions.Expect(page.GetByTestId("rule-test-result")).ToContainTextAsync("tuesday.eml");
        await Assertions.Expect(page.GetByTestId("flip").Filter(new() { HasText = "ivo@wingtip-rules.example" }).First)
            .ToContainTextAsync("Synced (Prospect)");
        Assert.Equal(0, await page.GetByTestId("nothing-flips").CountAsync());
        await portalPage.ScreenshotAsync("rule-tester-uploaded-eml");
    }
}
