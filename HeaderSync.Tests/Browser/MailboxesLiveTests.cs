using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Data.Runs;
using HeaderSync.Engine.Scheduling;
using HeaderSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HeaderSync.Tests.Browser;

[Collection(PortalTestGroup.Name)]
public sealed class MailboxesLiveTests(PortalFixture portal, BrowserFixture browser)
{
    // Records every text the row's state chip shows, without reloading: a reload would drop the list.
    private const string RecordStates = """
        address => {
            const chip = () => [...document.querySelectorAll('tr')]
                .find(r => r.textContent.includes(address))?.querySelector('[data-testid=state]')?.textContent.trim();
            window.headerSyncStates = [chip()];
            new MutationObserver(() => {
                const now = chip();
                const states = window.headerSyncStates;
                if (now && now !== states[states.length - 1]) { states.push(now); }
            }).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    [Fact]
    public async Task AResyncShowsItsStatesLiveInTheOrderOfItsRecordedHistory()
    {
        var user = portal.Tenant.Users[0].UserPrincipalName.ToLowerInvariant();

        // Off the portal's own schedule, so only the resync clicked below runs the mailbox.
        var scheduler = portal.Services.GetRequiredService<SyncScheduler>();
        var mailboxId = await IdleMailboxAsync(user, scheduler);

        // Synced emails whose bodies are missing are fetched by the next run, in header-only mode:
        // they outlast its short header pass and leave a tail of body fetches. The simulated tenant
        // answers every request after 250 ms, so each state lasts long enough to be seen.
        var missing = await DropBodiesAsync(mailboxId);
        Assert.True(missing >= 12, $"only {missing} synced emails to fetch again");
        var faults = portal.Tenant.Faults;
        var slow = portal.Tenant.Faults;
        slow.LatencyMsPerRequest = 250;
        portal.Tenant.Faults = slow;
        try
        {
            await using var portalPage = new PortalPage(portal, browser);
            var page = await portalPage.OpenAsync("/mailboxes");
            await Assertions.Expect(page.GetByTestId("live")).ToHaveTextAsync("Live", new() { Timeout = 30_000 });
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = user });
            await page.EvaluateAsync(RecordStates, user);

            await row.GetByRole(AriaRole.Button, new() { Name = "Resync", Exact = true }).ClickAsync();
            try
            {
                await Assertions.Expect(row.GetByTestId("state")).ToHaveTextAsync("DownloadingBodies", new() { Timeout = 30_000 });
                await portalPage.ScreenshotAsync("mailboxes-live-downloading-bodies");
            }
            catch (PlaywrightException)
            {
                // Asserted below against the recorded history, which says more than a timeout.
            }

            await Assertions.Expect(row.GetByTestId("state")).ToHaveTextAsync("Idle", new() { Timeout = 60_000 });
            var seen = await page.EvaluateAsync<string[]>("() => window.headerSyncStates");
            await portalPage.ScreenshotAsync("mailboxes-live-idle");

            await using var db = portal.Database.CreateContext();
            var run = await db.SyncRuns.AsNoTracking().Include(r => r.States)
                .Where(r => r.MailboxId == mailboxId && r.Trigger == SyncTrigger.Resync)
                .OrderByDescending(r => r.StartedAt).FirstAsync();
            var history = run.States.OrderBy(s => s.Id).Select(s => s.State.ToString()).ToList();
            var shown = seen.SkipWhile(s => s == "Idle").ToList();
            Assert.True(IsInOrder(shown, history),
                $"shown {string.Join(" > ", shown)}; recorded {string.Join(" > ", history)}");
            Assert.Contains("ScanningHeaders", shown);
            Assert.Contains("DownloadingBodies", shown);
            Assert.Equal("Idle", shown[^1]);
            Assert.Equal(SyncOutcome.Completed, run.Outcome);
            Assert.True(run.BodiesDownloaded > 0);
            await Assertions.Expect(row.GetByTestId("headers")).ToHaveTextAsync(run.HeadersScanned.ToString());
            await Assertions.Expect(row.GetByTestId("synced")).ToHaveTextAsync(run.Synced.ToString());
            await Assertions.Expect(row.GetByTestId("ignored")).ToHaveTextAsync(run.Ignored.ToString());
            await Assertions.Expect(row.GetByTestId("bodies")).ToHaveTextAsync(run.BodiesDownloaded.ToString());
            await Assertions.Expect(row.GetByTestId("last-run")).Not.ToContainTextAsync("never");
            Assert.Equal(seen.Length, (await page.EvaluateAsync<string[]>("() => window.headerSyncStates")).Length);
        }
        finally
        {
            portal.Tenant.Faults = faults;
            await scheduler.ScheduleAllAsync(CancellationToken.None);
            await using var db = portal.Database.CreateContext();
            await db.OrgSettings.ExecuteUpdateAsync(s => s.SetProperty(o => o.HeaderOnlySync, false));
        }
    }

    // Every state shown appears in the recorded history, and both move through the same phases in
    // the same order: queued, running, idle. Within the running phase the header and body passes
    // run side by side, so the state flips between ScanningHeaders and DownloadingBodies, and the
    // hub's coalescing and the recorded history may sample those flips differently.
    private static bool IsInOrder(List<string> shown, List<string> history) =>
        shown.All(history.Contains) && Phases(shown).SequenceEqual(Phases(history));

    private static List<int> Phases(IEnumerable<string> states)
    {
        var phases = new List<int>();
        foreach (var state in states)
        {
            var phase = state switch
            {
                "Queued" => 0,
                "Idle" => 2,
                _ => 1,
            };
            if (phases.Count == 0 || phase > phases[^1])
            {
                phases.Add(phase);
            }
        }

        return phases;
    }

    private async Task<Guid> IdleMailboxAsync(string address, SyncScheduler scheduler)
    {
        await using var db = portal.Database.CreateContext();
        var mailbox = await db.Mailboxes.AsNoTracking().SingleAsync(m => m.OwnerAddress == address);
        await scheduler.UnscheduleAsync(mailbox.Id, CancellationToken.None);

        // The portal's own schedule may be running the mailbox: wait until it lets go.
        for (var i = 0; i < 120 && await db.Mailboxes.AnyAsync(m => m.Id == mailbox.Id && m.LeaseOwner != null); i++)
        {
            await Task.Delay(250);
        }

        // A portal started moments ago may not have synced the mailbox yet.
        if (!await db.EmailDecisions.AnyAsync(d => d.MailboxId == mailbox.Id && d.Decision == Decision.Synced))
        {
            await portal.Services.GetRequiredService<MailboxSyncer>().SyncAsync(
                new SyncRequest(mailbox.Id, SyncTrigger.Resync, Full: false, SyncMode.HeaderOnly, "test"),
                CancellationToken.None);
        }

        return mailbox.Id;
    }

    private async Task<int> DropBodiesAsync(Guid mailboxId)
    {
        await using var db = portal.Database.CreateContext();
        var synced = db.EmailDecisions.Where(d => d.MailboxId == mailboxId && d.Decision == Decision.Synced);
        await db.EmailContents.Where(c => synced.Select(d => d.Id).Contains(c.EmailDecisionId)).ExecuteDeleteAsync();
        var missing = await synced.ExecuteUpdateAsync(set => set.SetProperty(d => d.BodyDownloaded, false));
        await db.OrgSettings.ExecuteUpdateAsync(s => s.SetProperty(o => o.HeaderOnlySync, true));
        return missing;
    }
}
