using System.Text;
using System.Text.RegularExpressions;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Runs;
using HeaderSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HeaderSync.Tests.Browser;

[Collection(PortalTestGroup.Name)]
public sealed class BasisPagesTests(PortalFixture portal, BrowserFixture browser)
{
    [Fact]
    public async Task AnAdminImportsACsvWithOneBadRowSeesItsErrorAndFindsTheImportedProspects()
    {
        await using var portalPage = new PortalPage(portal, browser);
        var page = await portalPage.OpenAsync("/prospects");
        var csv = "Name;E-mail;Company;Account Domain\n" +
            "\"Vega, Ana\";ana.vega@lakesidetrading.com;Lakeside Trading;lakesidetrading.com\n" +
            "Tom Free;tom.free@gmail.com;Freelance;gmail.com\n" +
            "Lia Ortiz;lia.ortiz@lakesidetrading.com;Lakeside Trading;\n";

        // As a user does: the button opens the browser's file picker, which gets the file.
        var chooser = await page.RunAndWaitForFileChooserAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Import CSV" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload
        {
            Name = "crm-export.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });

        var errors = page.GetByTestId("import-errors");
        await Assertions.Expect(errors.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Assertions.Expect(errors.GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Cell)).ToHaveTextAsync(
            ["3", "account_domain: gmail.com is a free-mail domain and cannot be an account domain"]);
        await Assertions.Expect(page.GetByTestId("import-rows").GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("import-rows")).ToContainTextAsync("ana.vega@lakesidetrading.com");
        await portalPage.ScreenshotAsync("prospects-import-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 valid lines" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Imported crm-export.csv: 2 new, 0 updated.")).ToBeVisibleAsync();
        await page.GetByLabel("Search address, name, company or account domain").FillAsync("lakesidetrading");

        var addresses = page.GetByTestId("prospect-address");
        await Assertions.Expect(addresses)
            .ToHaveTextAsync(["ana.vega@lakesidetrading.com", "lia.ortiz@lakesidetrading.com"]);
        await Assertions.Expect(page.GetByTestId("prospects")).ToContainTextAsync("Vega, Ana");
        await portalPage.ScreenshotAsync("prospects-imported");
        await using var db = portal.Database.CreateContext();
        Assert.False(await db.Prospects.AnyAsync(p => p.Email == "tom.free@gmail.com"));
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "basis.imported" && a.Target == "crm-export.csv"
            && a.Actor == portal.Admin.UserPrincipalName));
    }

    [Fact]
    public async Task AnAdminExcludesAProspectPurgesTheirStoredEmailsAndSeesThemIgnoredInReview()
    {
        var (person, subject) = await SyncedProspectAsync();
        await using var portalPage = new PortalPage(portal, browser);
        var page = await portalPage.OpenAsync("/settings/org/exclusions");

        await page.GetByLabel("Address or domain").FillAsync(person);
        await page.GetByLabel("Note").FillAsync("Asked to be forgotten");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync($"with {person}");
        await portalPage.ScreenshotAsync("exclusions-purge-offer");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Purge" }).ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex($"Purged \\d+ emails? with {Regex.Escape(person)}")))
            .ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("exclusions")).ToContainTextAsync("Asked to be forgotten");
        await portalPage.ScreenshotAsync("exclusions-added-and-purged");

        await page.GotoAsync("/review");
        await page.Locator("[data-interactive='true']").WaitForAsync();

        // The page's first load must be done, or it could land after the filtered one.
        await Assertions.Expect(page.GetByTestId("review-table").GetByRole(AriaRole.Row).Nth(1)).ToBeVisibleAsync();
        await page.GetByLabel("Participant (address or domain)").FillAsync(person);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        var rows = page.GetByTestId("review-table").Locator("tbody tr");
        await Assertions.Expect(rows.Filter(new() { HasNotText = person })).ToHaveCountAsync(0);
        var row = rows
            .Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = subject, Exact = true }) })
            .First;
        await Assertions.Expect(row).ToContainTextAsync("Ignored");
        await Assertions.Expect(row).ToContainTextAsync("Excluded");
        await row.ClickAsync();

        var detail = page.GetByTestId("email-detail");
        await Assertions.Expect(detail.GetByTestId("trace")).ToContainTextAsync("ExcludedDecisive");
        await Assertions.Expect(detail.GetByTestId("no-body")).ToContainTextAsync("Its body and headers were purged on");
        await Assertions.Expect(detail.GetByTestId("no-body")).ToBeInViewportAsync(new() { Ratio = 1 });
        await portalPage.ScreenshotAsync("review-purged-email");
        await using var db = portal.Database.CreateContext();
        Assert.False(await db.EmailDecisions.AnyAsync(
            d => d.Decision == Decision.Synced && d.Participants.Any(p => p.Address == person)));
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "basis.exclusion.purged" && a.Target == person));
    }

    [Fact]
    public async Task TheBasisPagesAreReachedByKeyboardFromTheNavigationAndNameTheirControls()
    {
        await using var portalPage = new PortalPage(portal, browser);
        var page = await portalPage.OpenAsync("/");
        var mainNavigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });

        await TabToAsync(page, mainNavigation.GetByRole(AriaRole.Link, new() { Name = "Prospects" }));
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Prospects");
        await Assertions.Expect(page.GetByRole(
            AriaRole.Textbox, new() { Name = "Search address, name, company or account domain" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" })).ToBeVisibleAsync();
        var firstProspect = await page.GetByTestId("prospect-address").First.InnerTextAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Edit {firstProspect}", Exact = true }))
            .ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Delete {firstProspect}", Exact = true }))
            .ToBeVisibleAsync();
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Import CSV" }));
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Enter"));
        Assert.False(chooser.IsMultiple);

        // MudMenu wraps the avatar's own button in a second focusable activator: the button is the one named.
        await TabToAsync(page, page.Locator("button[aria-label='Account menu']"));
        await page.Keyboard.PressAsync("Enter");
        var settings = page.GetByRole(AriaRole.Menuitem, new() { Name = "Settings" });
        await Assertions.Expect(settings).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(settings).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Email");
        var sections = page.GetByRole(AriaRole.Navigation, new() { Name = "Settings sections" });
        await Assertions.Expect(sections.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Email", "Domains", "Exclusions"]);

        await TabToAsync(page, sections.GetByRole(AriaRole.Link, new() { Name = "Domains" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Domains");
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Domain", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Read verified domains again" }))
            .ToBeVisibleAsync();
        await portalPage.ScreenshotAsync("settings-org-domains");

        await TabToAsync(page, sections.GetByRole(AriaRole.Link, new() { Name = "Exclusions" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Exclusions");
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Address or domain" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Note" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import file" })).ToBeVisibleAsync();
        await portalPage.ScreenshotAsync("settings-org-exclusions");
    }

    // Presses Tab until the target has the focus; the page wraps round, so every control is met.
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        await target.WaitForAsync();
        for (var presses = 0; presses < 200; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e.contains(document.activeElement)"))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {target}.");
    }

    // A prospect with a synced email in a mailbox the test syncs itself, header-only. Not the
    // third user's: the live-status test counts that mailbox's resyncs.
    private async Task<(string Person, string Subject)> SyncedProspectAsync()
    {
        var user = portal.Tenant.Users[1].Id.ToString();
        Guid mailboxId;
        await using (var db = portal.Database.CreateContext())
        {
            mailboxId = await db.Mailboxes.Where(m => m.GraphUserId == user).Select(m => m.Id).SingleAsync();
        }

        var syncer = portal.Services.GetRequiredService<MailboxSyncer>();
        for (var attempt = 0; ; attempt++)
        {
            var result = await syncer.SyncAsync(
                new SyncRequest(mailboxId, SyncTrigger.Resync, ModeOverride: SyncMode.HeaderOnly, RequestedBy: "test"),
                CancellationToken.None);
            if (!result.Held)
            {
                Assert.Equal(SyncOutcome.Completed, result.Outcome);
                break;
            }

            Assert.True(attempt < 40, "The mailbox stayed held by another sync.");
            await Task.Delay(250);
        }

        // A prospect's address (not the mailbox owner's) and a subject all of whose emails with
        // them are synced, so that after the purge every row of it in Review must be Excluded.
        await using var read = portal.Database.CreateContext();
        var prospects = read.Prospects.Select(p => p.Email);
        var synced = read.EmailDecisions.Where(d => d.MailboxId == mailboxId && d.Reason == DecisionReason.Prospect
            && d.BodyDownloaded && d.Subject != null);
        var candidates = await read.EmailParticipants
            .Where(p => prospects.Contains(p.Address))
            .Join(synced, p => p.EmailDecisionId, d => d.Id, (p, d) => new { p.Address, d.Subject })
            .Distinct()
            .ToListAsync();
        foreach (var candidate in candidates.OrderBy(c => c.Address).ThenBy(c => c.Subject))
        {
            var allSynced = !await read.EmailDecisions.AnyAsync(d => d.Subject == candidate.Subject
                && d.Decision != Decision.Synced && d.Participants.Any(p => p.Address == candidate.Address));
            if (allSynced)
            {
                return (candidate.Address, candidate.Subject!);
            }
        }

        throw new InvalidOperationException("No prospect's email in the mailbox is synced with its body.");
    }
}
