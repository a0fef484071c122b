using HeaderSync.Data.Basis;
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
public sealed class ClearedReviewFieldsTests(EngineTenantFixture fixture)
{
    [Fact]
    public async Task AnEmailPromotedAfterItsReviewFieldsWereClearedGetsThemBackFromItsHeaders()
    {
        await using var harness = await EngineHarness.StartAsync(fixture);
        var mailboxId = await harness.MailboxIdAsync(fixture.Tenant.Users[2].Id.ToString());
        await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);
        string person;
        List<long> theirs;
        await using (var db = harness.CreateContext())
        {
            person = await db.EmailParticipants.Where(p => p.Role == ParticipantRole.From)
                .Join(db.EmailDecisions.Where(d => d.MailboxId == mailboxId && d.Reason == DecisionReason.NoProspect),
                    p => p.EmailDecisionId, d => d.Id, (p, d) => p.Address)
                .OrderBy(a => a).FirstAsync();
            theirs = await db.EmailDecisions
                .Where(d => d.MailboxId == mailboxId && d.Reason == DecisionReason.NoProspect)
                .Where(d => d.Participants.Any(p => p.Role == ParticipantRole.From && p.Address == person))
                .Select(d => d.Id).ToListAsync();
        }

        var sweep = new RetentionSweep(harness.Services.GetRequiredService<IDbContextFactory<HeaderSyncDbContext>>(),
            new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(31)), NullLogger<RetentionSweep>.Instance);
        Assert.True((await sweep.RunAsync(CancellationToken.None)).ReviewFieldsCleared >= theirs.Count);
        await using (var db = harness.CreateContext())
        {
            Assert.Equal(0, await db.EmailParticipants.CountAsync(p => theirs.Contains(p.EmailDecisionId)));
            db.Prospects.Add(new Prospect { Email = person });
            await BasisVersions.BumpAsync(db, DateTimeOffset.UnixEpoch, "test", CancellationToken.None);
            await db.SaveChangesAsync();
        }

        var result = await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);

        Assert.Equal(SyncOutcome.Completed, result.Outcome);
        await using var read = harness.CreateContext();
        var promoted = await read.EmailDecisions.AsNoTracking().Include(d => d.Participants)
            .Where(d => theirs.Contains(d.Id)).ToListAsync();
        Assert.All(promoted, d =>
        {
            Assert.Equal((Decision.Synced, DecisionReason.Prospect), (d.Decision, d.Reason));
            Assert.Null(d.ReviewClearedAt);
            Assert.NotNull(d.Subject);
            Assert.NotNull(d.Trace);
            Assert.Contains(d.Participants, p => p.Role == ParticipantRole.From && p.Address == person);
            Assert.True(d.BodyDownloaded);
        });
        Assert.Equal(0, await read.EmailDecisions.CountAsync(d => d.MailboxId == mailboxId
            && d.Decision == Decision.Ignored && d.ReviewClearedAt != null && d.Trace != null));
    }
}
