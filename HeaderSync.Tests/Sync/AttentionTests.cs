using HeaderSync.Data.Mailboxes;
using HeaderSync.Data.Runs;
using HeaderSync.Engine.Sync;
using HeaderSync.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace HeaderSync.Tests.Sync;

[Collection(EngineTestGroup.Name)]
public sealed class AttentionTests
{
    [Theory]
    [InlineData(1, 15)]
    [InlineData(3, 60)]
    [InlineData(5, 240)]
    [InlineData(6, 360)]
    [InlineData(40, 360)]
    public void BackoffDoublesFromFifteenMinutesUpToSixHours(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), AttentionBackoff.After(failures));

    [Fact]
    public async Task AMailboxNeedingAttentionWaitsOutItsBackoffOnScheduleAndClearsOnSuccess()
    {
        await using var tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { Seed = 61, Mailboxes = 1, MessagesPerMailbox = 60 });
        var user = tenant.Users[0].Id.ToString();
        var faults = tenant.Faults;
        faults.UnauthorizedMailbox = user;
        tenant.Faults = faults;
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var harness = await EngineHarness.StartAsync(
            tenant, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var mailboxId = await harness.MailboxIdAsync(user);
        var syncer = harness.Services.GetRequiredService<MailboxSyncer>();
        var scheduled = new SyncRequest(mailboxId, SyncTrigger.Schedule);

        var failed = await syncer.SyncAsync(scheduled, CancellationToken.None);
        tenant.Faults = new();
        clock.Advance(TimeSpan.FromMinutes(14));
        var waiting = await syncer.SyncAsync(scheduled, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(2));
        var retried = await syncer.SyncAsync(scheduled, CancellationToken.None);

        Assert.Equal(SyncOutcome.Failed, failed.Outcome);
        Assert.Equal(SyncOutcome.Skipped, waiting.Outcome);
        Assert.Contains("needs attention", waiting.Error, StringComparison.Ordinal);
        Assert.Equal(SyncOutcome.Completed, retried.Outcome);
        await using var db = harness.CreateContext();
        var status = await db.Mailboxes.AsNoTracking().Where(m => m.Id == mailboxId).Select(m => m.Status).SingleAsync();
        Assert.Equal(MailboxState.Idle, status.State);
        Assert.Equal(0, status.ConsecutiveFailures);
        Assert.Null(status.LastError);
        Assert.Equal(clock.GetUtcNow(), status.LastRunAt!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task AResyncOfAMailboxNeedingAttentionRunsAtOnce()
    {
        await using var tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { Seed = 61, Mailboxes = 1, MessagesPerMailbox = 60 });
        var user = tenant.Users[0].Id.ToString();
        var faults = tenant.Faults;
        faults.UnauthorizedMailbox = user;
        tenant.Faults = faults;
        await using var harness = await EngineHarness.StartAsync(tenant);
        var mailboxId = await harness.MailboxIdAsync(user);
        var syncer = harness.Services.GetRequiredService<MailboxSyncer>();

        await syncer.SyncAsync(new SyncRequest(mailboxId, SyncTrigger.Schedule), CancellationToken.None);
        tenant.Faults = new();
        var resync = await syncer.SyncAsync(
            new SyncRequest(mailboxId, SyncTrigger.Resync, RequestedBy: "admin@contoso.com"), CancellationToken.None);

        Assert.Equal(SyncOutcome.Completed, resync.Outcome);
        Assert.True(resync.Synced + resync.Ignored > 0);
    }
}
