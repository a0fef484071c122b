using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Runs;
using HeaderSync.Engine.Mailboxes;
using HeaderSync.Engine.Sync;
using HeaderSync.Tests.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeaderSync.Tests.Mailboxes;

public sealed class MailboxRemovalTests(MailboxTenantFixture fixture) : IClassFixture<MailboxTenantFixture>
{
    [Fact]
    public async Task APurgeDeletesEverythingOfTheMailboxAndNothingOfAnother()
    {
        await using var harness = await EngineHarness.StartAsync(fixture.Tenant);
        var purged = await harness.MailboxIdAsync(fixture.Tenant.Users[0].Id.ToString());
        var kept = await harness.MailboxIdAsync(fixture.Tenant.Users[1].Id.ToString());
        await harness.SyncAsync(purged, SyncMode.HeaderOnly);
        await harness.SyncAsync(kept, SyncMode.HeaderOnly);
        var before = await RowsAsync(harness, purged);
        var othersBefore = await RowsAsync(harness, kept);

        var result = await harness.Services.GetRequiredService<MailboxRemoval>()
            .PurgeAsync(purged, "admin@contoso.com", CancellationToken.None);

        Assert.All(before, table => Assert.True(table.Value > 0, $"{table.Key} had nothing to purge"));
        Assert.All(await RowsAsync(harness, purged), table => Assert.Equal(0, table.Value));
        Assert.Equal(othersBefore, await RowsAsync(harness, kept));
        Assert.Equal(before["decisions"], result.Decisions);
        Assert.Equal(before["contents"], result.Contents);
        await using var db = harness.CreateContext();
        Assert.False(await db.Mailboxes.AnyAsync(m => m.Id == purged));
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "mailbox.purged");
        Assert.Equal(("admin@contoso.com", fixture.Tenant.Users[0].UserPrincipalName.ToLowerInvariant()),
            (audit.Actor, audit.Target));
    }

    [Fact]
    public async Task APurgeWaitsForNoSyncAndDeletesNothingWhileOneHoldsTheMailbox()
    {
        await using var harness = await EngineHarness.StartAsync(fixture.Tenant);
        var mailbox = await harness.MailboxIdAsync(fixture.Tenant.Users[2].Id.ToString());
        await harness.SyncAsync(mailbox, SyncMode.HeaderOnly);
        var before = await RowsAsync(harness, mailbox);
        Assert.True(await harness.Services.GetRequiredService<MailboxLease>()
            .TryTakeAsync(mailbox, "another-node/sync", CancellationToken.None));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Services
            .GetRequiredService<MailboxRemoval>().PurgeAsync(mailbox, "admin@contoso.com", CancellationToken.None));

        Assert.Contains("syncing", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync(harness, mailbox));
    }

    [Fact]
    public async Task RemovingWithDataKeptLeavesTheDecisionsAndStopsTheSyncs()
    {
        await using var harness = await EngineHarness.StartAsync(fixture.Tenant);
        var mailbox = await harness.MailboxIdAsync(fixture.Tenant.Users[1].Id.ToString());
        await harness.SyncAsync(mailbox, SyncMode.HeaderOnly);
        var before = await RowsAsync(harness, mailbox);

        await harness.Services.GetRequiredService<MailboxRemoval>()
            .KeepDataAsync(mailbox, "admin@contoso.com", CancellationToken.None);
        var sync = await harness.SyncAsync(mailbox, SyncMode.HeaderOnly);

        Assert.Equal(SyncOutcome.Skipped, sync.Outcome);
        Assert.Equal(before["decisions"], (await RowsAsync(harness, mailbox))["decisions"]);
        Assert.Equal(before["contents"], (await RowsAsync(harness, mailbox))["contents"]);
        await using var db = harness.CreateContext();
        var removed = await db.Mailboxes.SingleAsync(m => m.Id == mailbox);
        Assert.NotNull(removed.RemovedAt);
        Assert.Equal("admin@contoso.com", removed.RemovedBy);
        Assert.False(removed.Enabled);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "mailbox.removed" && a.Actor == "admin@contoso.com"));
    }

    private static async Task<Dictionary<string, int>> RowsAsync(EngineHarness harness, Guid mailbox)
    {
        await using var db = harness.CreateContext();
        var decisions = db.EmailDecisions.Where(d => d.MailboxId == mailbox).Select(d => d.Id);
        var runs = db.SyncRuns.Where(r => r.MailboxId == mailbox).Select(r => r.Id);
        return new Dictionary<string, int>
        {
            ["decisions"] = await decisions.CountAsync(),
            ["participants"] = await db.EmailParticipants.CountAsync(p => decisions.Contains(p.EmailDecisionId)),
            ["contents"] = await db.EmailContents.CountAsync(c => decisions.Contains(c.EmailDecisionId)),
            ["daily counts"] = await db.DailyDecisionCounts.CountAsync(c => c.MailboxId == mailbox),
            ["cursors"] = await db.DeltaCursors.CountAsync(c => c.MailboxId == mailbox),
            ["runs"] = await runs.CountAsync(),
            ["run states"] = await db.SyncRunStates.CountAsync(s => runs.Contains(s.SyncRunId)),
        };
    }
}
