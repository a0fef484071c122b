using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Data.Runs;
using HeaderSync.Simulator;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Tests.Sync;

// These change the tenant's faults, so each starts a small tenant of its own.
[Collection(EngineTestGroup.Name)]
public sealed class FaultTests
{
    private static SimulatorOptions SmallTenant() => new() { Seed = 23, Mailboxes = 3, MessagesPerMailbox = 150 };

    [Fact]
    public async Task ThrottlingServerErrorsReplaysSparseItemsAndOneUnauthorisedMailboxChangeNoOtherDecision()
    {
        await using var tenant = await SimulatedTenant.StartAsync(SmallTenant());
        var baseline = await EngineHarness.BaselineAsync(tenant);
        var blocked = tenant.Users[0].Id.ToString();
        var faults = tenant.Faults;
        faults.ThrottleRate = 0.15;
        faults.RetryAfter = "0.05";
        faults.ServiceUnavailableRate = 0.03;
        faults.DeltaReplayRate = 0.2;
        faults.DeltaSparseRate = 0.2;
        faults.UnauthorizedMailbox = blocked;
        tenant.Faults = faults;
        await using var harness = await EngineHarness.StartAsync(tenant);
        var mailboxes = await Task.WhenAll(tenant.Users.Select(u => harness.MailboxIdAsync(u.Id.ToString())));

        var results = await Task.WhenAll(mailboxes.Select(m => harness.SyncAsync(m, SyncMode.HeaderOnly)));

        Assert.Equal(SyncOutcome.Failed, results[0].Outcome);
        Assert.Contains("401", results[0].Error, StringComparison.Ordinal);
        Assert.All(results[1..], r => Assert.Equal(SyncOutcome.Completed, r.Outcome));
        Assert.True(results[1..].Sum(r => r.Throttled) > 0, "the storm throttled no request");
        for (var i = 1; i < mailboxes.Length; i++)
        {
            Assert.Equal(baseline[i], await harness.DecisionsAsync(mailboxes[i]));
        }

        await using var db = harness.CreateContext();
        var state = await db.Mailboxes.Where(m => m.Id == mailboxes[0]).Select(m => m.Status.State).SingleAsync();
        Assert.Equal(MailboxState.NeedsAttention, state);
    }

    [Fact]
    public async Task ARoundExpiredMidwayIsStartedAgainWithoutDuplicates()
    {
        await using var tenant = await SimulatedTenant.StartAsync(SmallTenant());
        var baseline = await EngineHarness.BaselineAsync(tenant);
        var faults = tenant.Faults;
        faults.ExpireDeltaAfterPages = 2;
        faults.DeltaExpiryCode = "resyncRequired";
        tenant.Faults = faults;
        await using var harness = await EngineHarness.StartAsync(tenant, new Dictionary<string, string?>
        {
            ["Sync:PageSize"] = "25",
        });
        var mailbox = await harness.MailboxIdAsync(tenant.Users[1].Id.ToString());

        var expired = await harness.SyncAsync(mailbox, SyncMode.HeaderOnly);
        tenant.Faults = new();
        var resumed = await harness.SyncAsync(mailbox, SyncMode.HeaderOnly);

        Assert.Equal(SyncOutcome.Failed, expired.Outcome);
        Assert.Contains("410", expired.Error, StringComparison.Ordinal);
        Assert.Equal(SyncOutcome.Completed, resumed.Outcome);
        Assert.Equal(baseline[1], await harness.DecisionsAsync(mailbox));
        await using var db = harness.CreateContext();
        Assert.Equal(
            await db.EmailDecisions.CountAsync(d => d.MailboxId == mailbox),
            await db.DailyDecisionCounts.Where(c => c.MailboxId == mailbox).SumAsync(c => c.Count));
    }
}
