using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Data.Runs;
using HeaderSync.Engine.Status;
using HeaderSync.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Tests.Sync;

[Collection(EngineTestGroup.Name)]
public sealed class PermissionAndCancellationTests
{
    [Fact]
    public async Task WithMailReadBasicOnlyDecisionsStaySyncedWithoutBodiesAndTheMailboxWarns()
    {
        await using var tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { Seed = 53, Mailboxes = 1, MessagesPerMailbox = 120 });
        var expected = (await EngineHarness.BaselineAsync(tenant))[0];
        var faults = tenant.Faults;
        faults.HeaderOnlyPermission = true;
        tenant.Faults = faults;
        await using var harness = await EngineHarness.StartAsync(tenant);
        var mailboxId = await harness.MailboxIdAsync(tenant.Users[0].Id.ToString());

        var result = await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);

        Assert.True(result.Outcome == SyncOutcome.Completed, result.Error);
        Assert.Equal(0, result.BodiesDownloaded);
        Assert.True(result.Synced >= expected.Count(e => e.Value.Item1 == Decision.Synced));
        await using var db = harness.CreateContext();
        var status = await db.Mailboxes.AsNoTracking().Where(m => m.Id == mailboxId).Select(m => m.Status).SingleAsync();
        Assert.Equal(MailboxState.Idle, status.State);
        Assert.Contains("Mail.Read", status.Warning, StringComparison.Ordinal);
        Assert.Equal(0, await db.EmailDecisions.CountAsync(d => d.BodyDownloaded));
        // Without the sensitivity property only the Sensitivity header can mark an email sensitive;
        // every other decision is the one a fully permitted sync makes.
        var stored = await harness.DecisionsAsync(mailboxId);
        Assert.Equal(expected.Keys.Order(), stored.Keys.Order());
        Assert.All(expected.Where(e => e.Value.Item2 != DecisionReason.Sensitive),
            e => Assert.Equal(e.Value, stored[e.Key]));
    }

    [Fact]
    public async Task ASyncCancelledAtAnyPageLosesAndDoublesNothingWhenRunAgain()
    {
        await using var tenant = await SimulatedTenant.StartAsync(
            new SimulatorOptions { Seed = 59, Mailboxes = 1, MessagesPerMailbox = 200 });
        var expected = (await EngineHarness.BaselineAsync(tenant))[0];
        var stopper = new StopAfterHeaders();
        await using var harness = await EngineHarness.StartAsync(
            tenant,
            new Dictionary<string, string?> { ["Sync:PageSize"] = "10" },
            services => services.Replace(ServiceDescriptor.Singleton<ISyncStatusPublisher>(stopper)));
        var mailboxId = await harness.MailboxIdAsync(tenant.Users[0].Id.ToString());

        // Each run resumes where the last stopped: after its first page, and twice further on.
        foreach (var headers in new[] { 10, 40, 30 })
        {
            using var stop = stopper.StopAfter(headers);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => harness.SyncAsync(mailboxId, SyncMode.HeaderOnly, cancellationToken: stop.Token));
        }

        stopper.StopAfter(int.MaxValue).Dispose();
        var finished = await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);

        Assert.Equal(SyncOutcome.Completed, finished.Outcome);
        Assert.Equal(expected, await harness.DecisionsAsync(mailboxId));
        await using var db = harness.CreateContext();
        Assert.Equal(0, await db.EmailDecisions.CountAsync(d => d.Decision == Decision.Synced && !d.BodyDownloaded));
        Assert.Equal(expected.Count, await db.DailyDecisionCounts.SumAsync(c => c.Count));
        Assert.Equal(3, await db.SyncRuns.CountAsync(r => r.Outcome == SyncOutcome.Failed));
        Assert.Equal(0, await db.Mailboxes.Where(m => m.Id == mailboxId).Select(m => m.Status.ConsecutiveFailures).SingleAsync());
    }

    /// <summary>Cancels the running sync once it has scanned a given number of headers.</summary>
    private sealed class StopAfterHeaders : ISyncStatusPublisher
    {
        private CancellationTokenSource? stop;
        private int threshold = int.MaxValue;

        public CancellationTokenSource StopAfter(int headers)
        {
            threshold = headers;
            stop = new CancellationTokenSource();
            return stop;
        }

        public void Publish(MailboxStatusUpdate update)
        {
            if (update.HeadersScanned >= threshold)
            {
                stop?.Cancel();
            }
        }
    }
}
