using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HeaderSync.Tests.Browser;

[Collection(PortalTestGroup.Name)]
public sealed class MailboxAdministrationFlowTests(PortalFixture portal, BrowserFixture browser)
{
    [Fact]
    public async Task AnAdminPurgesAMailboxThenAddsItBackFromTheDirectory()
    {
        var user = portal.Tenant.Users[2];
        var address = user.UserPrincipalName.ToLowerInvariant();
        var (purgedId, othersBefore) = await PrepareAsync(address);
        await using var portalPage = new PortalPage(portal, browser);
        var page = await portalPage.OpenAsync("/mailboxes");
        await Assertions.Expect(page.GetByTestId("live")).ToHaveTextAsync("Live", new() { Timeout = 30_000 });

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = address });
        await row.GetByRole(AriaRole.Button, new() { Name = $"More actions for {address}" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Remove" }).ClickAsync();
        var remove = page.GetByRole(AriaRole.Dialog);
        await remove.GetByText("Purge its data").ClickAsync();
        await portalPage.ScreenshotAsync("mailboxes-remove-dialog");
        await remove.GetByRole(AriaRole.Button, new() { Name = "Remove and purge" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"{address} removed and its data purged.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("mailbox-address")).ToHaveCountAsync(2);

        await using (var db = portal.Database.CreateContext())
        {
            Assert.False(await db.Mailboxes.AnyAsync(m => m.Id == purgedId));
            Assert.False(await db.EmailDecisions.AnyAsync(d => d.MailboxId == purgedId));
            Assert.False(await db.SyncRuns.AnyAsync(r => r.MailboxId == purgedId));
            Assert.False(await db.DeltaCursors.AnyAsync(c => c.MailboxId == purgedId));
            Assert.False(await db.DailyDecisionCounts.AnyAsync(c => c.MailboxId == purgedId));
            // Other mailboxes may gain decisions from their own syncs meanwhile, never lose any.
            var othersAfter = await DecisionsOfOthersAsync(db, purgedId);
            Assert.All(othersBefore, other => Assert.True(othersAfter[other.Key] >= other.Value, $"{other.Key} lost decisions"));
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Add from directory" }).ClickAsync();
        var directory = page.GetByRole(AriaRole.Dialog);
        await directory.Locator("input[data-testid=directory-search], [data-testid=directory-search] input").First.FillAsync(user.DisplayName[..5]);
        var found = directory.GetByTestId("directory-user");
        await Assertions.Expect(found).ToHaveCountAsync(1);
        await Assertions.Expect(found).ToContainTextAsync(address);
        await found.GetByRole(AriaRole.Checkbox).CheckAsync();
        await Assertions.Expect(directory.GetByRole(AriaRole.Button, new() { Name = "Add 1 mailbox" })).ToBeEnabledAsync();
        await portalPage.ScreenshotAsync("mailboxes-add-from-directory");
        await directory.GetByRole(AriaRole.Button, new() { Name = "Add 1 mailbox" }).ClickAsync();
        await Assertions.Expect(page.GetByText("1 mailbox added; the first sync starts now.")).ToBeVisibleAsync();

        // Its first sync runs at once and shows live: no reload.
        var added = page.GetByRole(AriaRole.Row).Filter(new() { HasText = address });
        await Assertions.Expect(added.GetByTestId("last-run")).Not.ToContainTextAsync("never", new() { Timeout = 60_000 });
        await Assertions.Expect(added.GetByTestId("state")).ToHaveTextAsync("Idle", new() { Timeout = 60_000 });
        await portalPage.ScreenshotAsync("mailboxes-added-from-directory");

        await using var after = portal.Database.CreateContext();
        var mailbox = await after.Mailboxes.SingleAsync(m => m.OwnerAddress == address);
        Assert.Equal((EmailProvider.Office365OAuth, user.Id.ToString()), (mailbox.Provider, mailbox.GraphUserId));
        var purge = await after.AuditEvents.SingleAsync(a => a.Action == "mailbox.purged" && a.Target == address);
        var add = await after.AuditEvents.OrderBy(a => a.Id).LastAsync(a => a.Action == "mailbox.added" && a.Target == address);
        Assert.NotEqual("unknown", purge.Actor);
        Assert.Equal(purge.Actor, add.Actor);
    }

    [Fact]
    public async Task CheckConnectionNamesThePermissionTheAppLacks()
    {
        var address = portal.Tenant.Users[1].UserPrincipalName.ToLowerInvariant();
        var faults = portal.Tenant.Faults;
        var headerOnly = portal.Tenant.Faults;
        headerOnly.HeaderOnlyPermission = true;
        portal.Tenant.Faults = headerOnly;
        try
        {
            await using var portalPage = new PortalPage(portal, browser);
            var page = await portalPage.OpenAsync("/mailboxes");
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = address });

            await row.GetByRole(AriaRole.Button, new() { Name = $"More actions for {address}" }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Check connection" }).ClickAsync();

            var dialog = page.GetByRole(AriaRole.Dialog);
            await Assertions.Expect(dialog.GetByTestId("check")).ToHaveCountAsync(4, new() { Timeout = 30_000 });
            var body = dialog.GetByTestId("check").Filter(new() { HasText = "Body read" });
            await Assertions.Expect(body.GetByTestId("check-result")).ToContainTextAsync("Mail.Read is missing:");
            await Assertions.Expect(dialog.GetByTestId("check-result").Filter(new() { HasText = "ok" })).ToHaveCountAsync(3);
            await portalPage.ScreenshotAsync("mailboxes-check-connection");
        }
        finally
        {
            portal.Tenant.Faults = faults;
        }

        await using var db = portal.Database.CreateContext();
        var audit = await db.AuditEvents.OrderBy(a => a.Id).LastAsync(a => a.Action == "mailbox.connection-checked");
        Assert.Equal(address, audit.Target);
        Assert.Contains("Mail.Read is missing", audit.After, StringComparison.Ordinal);
    }

    private async Task<(Guid, Dictionary<Guid, int>)> PrepareAsync(string address)
    {
        await using var db = portal.Database.CreateContext();
        var id = await db.Mailboxes.Where(m => m.OwnerAddress == address).Select(m => m.Id).SingleAsync();

        // A purge waits for no sync: take the mailbox off the portal's own schedule (adding it back
        // schedules it again) and let a run already started finish first.
        await portal.Services.GetRequiredService<SyncScheduler>().UnscheduleAsync(id, CancellationToken.None);
        for (var i = 0; i < 120 && await db.Mailboxes.AnyAsync(m => m.Id == id && m.LeaseOwner != null); i++)
        {
            await Task.Delay(250);
        }

        return (id, await DecisionsOfOthersAsync(db, id));
    }

    private static Task<Dictionary<Guid, int>> DecisionsOfOthersAsync(
        HeaderSync.Data.Database.HeaderSyncDbContext db, Guid mailboxId) =>
        db.EmailDecisions.Where(d => d.MailboxId != mailboxId).GroupBy(d => d.MailboxId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
}
