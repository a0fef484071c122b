using System.Collections.Concurrent;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Data.Runs;
using HeaderSync.Engine.Scheduling;
using HeaderSync.Engine.Status;
using HeaderSync.Tests.Browser;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.Status;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeaderSync.Tests.Status;

[Collection(PortalTestGroup.Name)]
public sealed class LiveStatusTests(PortalFixture portal)
{
    [Fact]
    public async Task AResyncStreamsItsStatesThroughTheHubCoalescedPerMailbox()
    {
        var batches = new ConcurrentQueue<IReadOnlyList<MailboxStatusUpdate>>();
        var token = await TenantTokens.ForPortalAsync(portal.Tenant, portal.Tenant.Directory.AutomationApp);
        await using var hub = Connect(token);
        hub.On<IReadOnlyList<MailboxStatusUpdate>>(nameof(ISyncStatusClient.StatusChanged), batches.Enqueue);
        await hub.StartAsync();
        var current = await hub.InvokeAsync<IReadOnlyList<MailboxStatusUpdate>>(nameof(SyncStatusHub.Current));
        var mailbox = current.First(s => string.Equals(
            s.Mailbox, portal.Tenant.Users[2].UserPrincipalName, StringComparison.OrdinalIgnoreCase));

        // A resync of a mailbox whose lease another holder keeps is skipped: wait for it to be free.
        await using (var leases = portal.Database.CreateContext())
        {
            for (var i = 0; i < 240 && await leases.Mailboxes.AnyAsync(
                m => m.Id == mailbox.MailboxId && m.LeaseOwner != null); i++)
            {
                await Task.Delay(250);
            }
        }

        await portal.Services.GetRequiredService<SyncScheduler>()
            .RequestResyncAsync(mailbox.MailboxId, full: true, "admin@contoso.com", CancellationToken.None);
        var finished = await WaitForAsync(batches, mailbox.MailboxId, s => s.State == MailboxState.Idle);

        Assert.Equal(3, current.Count);
        var seen = batches.SelectMany(b => b).Where(s => s.MailboxId == mailbox.MailboxId).Select(s => s.State).ToList();
        // The run's own states may fall within one coalescing interval and reach the hub as its last
        // value only; what must arrive is its start (Queued or a running state), then Idle.
        Assert.Contains(seen, s => s != MailboxState.Idle);
        Assert.Equal(MailboxState.Idle, seen[^1]);
        Assert.True(finished.HeadersScanned > 0);
        Assert.All(batches, batch => Assert.Equal(batch.Count, batch.Select(s => s.MailboxId).Distinct().Count()));
        await using var db = portal.Database.CreateContext();
        var run = await db.SyncRuns.Where(r => r.MailboxId == mailbox.MailboxId && r.Trigger == SyncTrigger.Resync)
            .SingleAsync();
        Assert.True(run.Full);
        Assert.Equal("admin@contoso.com", run.RequestedBy);
        Assert.Equal(SyncOutcome.Completed, run.Outcome);
        Assert.Contains(await db.AuditEvents.Select(a => a.Action).ToListAsync(), a => a == "mailbox.resync.full");
    }

    [Fact]
    public async Task AnAutomationTokenWithoutTheAdminRoleIsRefused()
    {
        // The sync engine's registration holds Graph permissions but no portal role.
        var token = await TenantTokens.ForPortalAsync(portal.Tenant, portal.Tenant.Directory.SyncApp);
        await using var hub = Connect(token);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task AnAnonymousClientIsRefused()
    {
        await using var hub = Connect(token: null);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private HubConnection Connect(string? token) => new HubConnectionBuilder()
        .WithUrl(new Uri(portal.BaseAddress, SyncStatusHub.Path), options =>
        {
            if (token is not null)
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            }
        })
        .Build();

    private static async Task<MailboxStatusUpdate> WaitForAsync(
        ConcurrentQueue<IReadOnlyList<MailboxStatusUpdate>> batches, Guid mailboxId, Func<MailboxStatusUpdate, bool> done)
    {
        // A full resync with the fixture's simulated latency takes seconds; on a busy machine, far more.
        for (var i = 0; i < 2400; i++)
        {
            // An Idle from before the resync (a scheduled run ending) does not count: the run must
            // have been seen starting first.
            var updates = batches.SelectMany(b => b).Where(s => s.MailboxId == mailboxId).ToList();
            var started = updates.FindIndex(s => s.State != MailboxState.Idle);
            var match = updates.LastOrDefault();
            if (started >= 0 && match is not null && done(match) && match.HeadersScanned > 0)
            {
                return match;
            }

            await Task.Delay(50);
        }

        var states = batches.SelectMany(b => b).Where(s => s.MailboxId == mailboxId).Select(s => s.State);
        throw new TimeoutException($"The mailbox never finished its resync; states seen: {string.Join(", ", states)}.");
    }
}
