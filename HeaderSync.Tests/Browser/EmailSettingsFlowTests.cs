using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HeaderSync.Tests.Browser;

[Collection(PortalTestGroup.Name)]
public sealed class EmailSettingsFlowTests(PortalFixture portal, BrowserFixture browser)
{
    [Fact]
    public async Task AnAdminTurnsOnHeaderOnlySyncSavesAndFindsItOnAfterReloadAndInTheAudit()
    {
        await using var portalPage = new PortalPage(portal, browser);
        try
        {
            var page = await portalPage.OpenAsync("/settings/org/email");
            var toggle = page.GetByLabel("Sync emails based on headers only");
            var save = page.GetByRole(AriaRole.Button, new() { Name = "Save" });

            await Assertions.Expect(save).ToBeDisabledAsync();
            await toggle.CheckAsync();
            await Assertions.Expect(save).ToBeEnabledAsync();
            await save.ClickAsync();
            await Assertions.Expect(page.GetByText("Saved: Header-only sync turned on.")).ToBeVisibleAsync();
            await portalPage.ScreenshotAsync("settings-org-email-saved");
            await page.ReloadAsync();
            await page.Locator("[data-interactive='true']").WaitForAsync();

            await Assertions.Expect(page.GetByLabel("Sync emails based on headers only")).ToBeCheckedAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeDisabledAsync();
            await page.GotoAsync("/audit");
            await Assertions.Expect(page.GetByTestId("audit-table")).ToContainTextAsync("settings.saved");
            await Assertions.Expect(page.GetByTestId("audit-table")).ToContainTextAsync("\"HeaderOnlySync\":true");
        }
        finally
        {
            await using var db = portal.Database.CreateContext();
            await db.OrgSettings.ExecuteUpdateAsync(s => s.SetProperty(o => o.HeaderOnlySync, false));
        }
    }
}
