using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Runs;
using HeaderSync.Engine.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HeaderSync.Tests.Sync;

[Collection(EngineTestGroup.Name)]
public sealed class ContentPurgeTests(EngineTenantFixture fixture)
{
    [Fact]
    public async Task APurgedBodyIsNeverRequestedAgainNorStoredAgainByAnyLaterSync()
    {
        await using var harness = await EngineHarness.StartAsync(fixture);
        var user = fixture.Tenant.Users[0].Id.ToString();
        var mailboxId = await harness.MailboxIdAsync(user);
        Assert.Equal(SyncOutcome.Completed, (await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly)).Outcome);

        await using (var db = harness.CreateContext())
        {
            await db.OrgSettings.ExecuteUpdateAsync(s => s.SetProperty(o => o.ContentRetentionDays, 1));
        }

        var later = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(2));
        var sweep = new RetentionSweep(
            harness.Services.GetRequiredService<IDbContextFactory<HeaderSyncDbContext>>(),
            later, NullLogger<RetentionSweep>.Instance);
        var purged = (await sweep.RunAsync(CancellationToken.None)).ContentPurged;
        List<string> purgedIds;
        await using (var db = harness.CreateContext())
        {
            purgedIds = await db.EmailDecisions.Where(d => d.MailboxId == mailboxId && d.ContentPurgedAt != null)
                .Select(d => d.GraphMessageId).ToListAsync();

            // As if some bodies had never come (a missing permission): purged, they are not owed either.
            await db.EmailDecisions.Where(d => d.MailboxId == mailboxId && d.ContentPurgedAt != null && d.Id % 2 == 0)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.BodyDownloaded, false));
        }

        var log = fixture.Tenant.Requests();
        var before = log.Count == 0 ? 0 : log[^1].Seq;
        var incremental = await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);
        var full = await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly, full: true);
        var standard = await harness.SyncAsync(mailboxId, SyncMode.Standard, full: true);

        Assert.True(purged > 0);
        Assert.Equal(purged, purgedIds.Count);
        Assert.All([incremental, full, standard], r => Assert.Equal(SyncOutcome.Completed, r.Outcome));
        var headerOnlyRequests = fixture.Tenant.Requests(before, user)
            .Where(r => !r.Select.Contains("body")).ToList();
        Assert.NotEmpty(headerOnlyRequests);
        Assert.Empty(headerOnlyRequests.SelectMany(r => r.ContentMessageIds).Intersect(purgedIds));
        Assert.Equal(0, incremental.BodiesDownloaded + full.BodiesDownloaded + standard.BodiesDownloaded);
        await using var read = harness.CreateContext();
        Assert.Equal(0, await read.EmailDecisions.CountAsync(d => d.MailboxId == mailboxId
            && purgedIds.Contains(d.GraphMessageId) && d.Content != null));
        Assert.Equal(purged, await read.EmailDecisions.CountAsync(d => d.MailboxId == mailboxId
            && d.Decision == Decision.Synced && d.ContentPurgedAt != null));
    }
}
