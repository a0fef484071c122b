using HeaderSync.Data.Decisions;
using HeaderSync.Data.Runs;
using HeaderSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HeaderSync.Tests.Browser;

[Collection(PortalTestGroup.Name)]
public sealed class ReviewPageTests(PortalFixture portal, BrowserFixture browser)
{
    [Fact]
    public async Task AnIgnoredNewsletterShowsAutomatedAndNoBodyAndASyncedEmailShowsItsBodyWithoutRemoteImages()
    {
        var mailboxId = await SyncedMailboxAsync();
        var address = portal.Tenant.Users[1].UserPrincipalName.ToLowerInvariant();
        await using var portalPage = new PortalPage(portal, browser);
        var page = await portalPage.OpenAsync("/review");

        // The portal's schedule syncs other mailboxes meanwhile: narrow the grid to this one.
        await ChooseAsync(page, "Mailbox", address);
        await ChooseAsync(page, "Reason", "Automated");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        var table = page.GetByTestId("review-table");
        await Assertions.Expect(table.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("Automated");
        await table.GetByRole(AriaRole.Row)
            .Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = "HeaderOnly", Exact = true }) })
            .First.ClickAsync();
        var detail = page.GetByTestId("email-detail");
        await Assertions.Expect(detail.GetByTestId("trace")).ToContainTextAsync("Decisive");
        await Assertions.Expect(detail.GetByTestId("no-body")).ToContainTextAsync("never downloaded");
        await page.GotoAsync("/review");
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await ChooseAsync(page, "Mailbox", address);
        await ChooseAsync(page, "Reason", "Prospect");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(table.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("Prospect");
        await table.GetByRole(AriaRole.Row).Nth(1).ClickAsync();

        var body = page.GetByTestId("email-body");
        await Assertions.Expect(body).ToContainTextAsync("KEEP-");
        Assert.Equal(0, await body.Locator("img[src^='http']").CountAsync());
        await portalPage.ScreenshotAsync("review-synced-email");
        await using var db = portal.Database.CreateContext();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "email.body.viewed"));
        Assert.True(await db.EmailDecisions.AnyAsync(d => d.MailboxId == mailboxId && d.Reason == DecisionReason.Automated));
    }

    private async Task<Guid> SyncedMailboxAsync()
    {
        await using var db = portal.Database.CreateContext();
        var user = portal.Tenant.Users[1].Id.ToString();
        var mailboxId = await db.Mailboxes.Where(m => m.GraphUserId == user).Select(m => m.Id).SingleAsync();
        var syncer = portal.Services.GetRequiredService<MailboxSyncer>();

        // The portal's own schedule may hold the mailbox for a moment.
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var result = await syncer.SyncAsync(
                new SyncRequest(mailboxId, SyncTrigger.Resync, ModeOverride: SyncMode.HeaderOnly, RequestedBy: "test"),
                CancellationToken.None);
            if (!result.Held)
            {
                Assert.Equal(SyncOutcome.Completed, result.Outcome);
                return mailboxId;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The mailbox stayed held by another sync.");
    }

    // A MudSelect opens a list of options in a popover; pick the one with exactly this text.
    private static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.Locator(".mud-select").Filter(new() { HasText = label }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item")
            .Filter(new() { Has = page.GetByText(option, new() { Exact = true }) }).First.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
    }
}
