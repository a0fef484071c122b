using Microsoft.Playwright;

namespace HeaderSync.Tests.Browser;

[Collection(PortalTestGroup.Name)]
public sealed class MailboxesPageTests(PortalFixture portal, BrowserFixture browser)
{
    [Fact]
    public async Task AnAdminResyncsAMailboxAndSeesItsRunRecorded()
    {
        await using var portalPage = new PortalPage(portal, browser);
        var page = await portalPage.OpenAsync("/mailboxes");
        var user = portal.Tenant.Users[0].UserPrincipalName.ToLowerInvariant();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = user });

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mailboxes" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("mailbox-address")).ToHaveCountAsync(3);
        await row.GetByRole(AriaRole.Button, new() { Name = "Resync", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Resync of {user} queued.")).ToBeVisibleAsync();

        // The portal's own schedule may run the mailbox too: wait until no run is going on.
        for (var i = 0; i < 60 && (await row.GetByText("never").CountAsync() > 0
            || (await row.GetByTestId("state").InnerTextAsync()).Trim() != "Idle"); i++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
            await page.Locator("[data-interactive='true']").WaitForAsync();
        }

        await Assertions.Expect(row.GetByText("never")).ToHaveCountAsync(0);
        await Assertions.Expect(row.GetByTestId("state")).ToHaveTextAsync("Idle");
        await portalPage.ScreenshotAsync("mailboxes-after-resync");
    }
}
