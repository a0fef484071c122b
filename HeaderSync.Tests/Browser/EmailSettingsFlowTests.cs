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

    [Fact]
    public async Task TwoAdminsSaveConflictingSettingsAndTheSecondSeesTheConflictWithTheFirstsValueKept()
    {
        await using var first = new PortalPage(portal, browser);
        await using var second = new PortalPage(portal, browser);
        int intervalBefore;
        await using (var db = portal.Database.CreateContext())
        {
            intervalBefore = (await db.OrgSettings.SingleAsync()).SyncIntervalMinutes;
        }

        try
        {
            var firstPage = await first.OpenAsync("/settings/org/email");
            var secondPage = await second.OpenAsync("/settings/org/email");
            await firstPage.GetByLabel("Sync emails based on headers only").CheckAsync();
            var interval = secondPage.GetByLabel("Sync interval (minutes)");
            await interval.FillAsync((intervalBefore + 5).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await interval.BlurAsync();

            await firstPage.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Assertions.Expect(firstPage.GetByText("Saved: Header-only sync turned on.")).ToBeVisibleAsync();
            await secondPage.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

            await Assertions.Expect(secondPage.GetByTestId("save-conflict"))
                .ToContainTextAsync("saved these settings at");
            await Assertions.Expect(secondPage.GetByLabel("Sync interval (minutes)"))
                .ToHaveValueAsync((intervalBefore + 5).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await second.ScreenshotAsync("settings-org-email-conflict");
            await using var db = portal.Database.CreateContext();
            var stored = await db.OrgSettings.AsNoTracking().SingleAsync();
            Assert.True(stored.HeaderOnlySync);
            Assert.Equal(intervalBefore, stored.SyncIntervalMinutes);
        }
        finally
        {
            await using var db = portal.Database.CreateContext();
            await db.OrgSettings.ExecuteUpdateAsync(s => s
                .SetProperty(o => o.HeaderOnlySync, false)
                .SetProperty(o => o.SyncIntervalMinutes, intervalBefore));
        }
    }
}
