using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Runs;
using HeaderSync.Engine.Basis;
using HeaderSync.Web.Prospects;
using HeaderSync.Web.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeaderSync.Tests.Sync;

/// <summary>Basis changes made as the portal's pages make them, and what the engine does next.</summary>
[Collection(EngineTestGroup.Name)]
public sealed class BasisChangeSyncTests(EngineTenantFixture fixture)
{
    private const string Admin = "admin@contoso.com";

    [Fact]
    public async Task AProspectAddedOnTheProspectsPageHasTheirIgnoredEmailSyncedWithItsBodyOnTheNextSync()
    {
        await using var harness = await EngineHarness.StartAsync(fixture);
        var user = fixture.Tenant.Users[2].Id.ToString();
        var mailboxId = await harness.MailboxIdAsync(user);
        await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);
        var (person, theirs) = await IgnoredStrangerAsync(harness, mailboxId);
        var before = LastRequest();
        var prospects = new ProspectAdministration(Contexts(harness), TimeProvider.System);

        var added = await prospects.AddAsync(new ProspectDraft(person, "New prospect", null, null), Admin, CancellationToken.None);
        var result = await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);

        Assert.True(added.Saved);
        Assert.Equal(SyncOutcome.Completed, result.Outcome);
        await using var db = harness.CreateContext();
        var promoted = await db.EmailDecisions.AsNoTracking().Include(d => d.Content)
            .Where(d => theirs.Contains(d.Id)).ToListAsync();
        Assert.All(promoted, d =>
        {
            Assert.Equal((Decision.Synced, DecisionReason.Prospect), (d.Decision, d.Reason));
            Assert.True(d.BodyDownloaded);
            Assert.False(string.IsNullOrEmpty(d.Content?.BodyHtml ?? d.Content?.BodyText));
        });
        var fetched = fixture.Tenant.Requests(before, user).SelectMany(r => r.ContentMessageIds).ToHashSet();
        Assert.All(promoted, d => Assert.Contains(d.GraphMessageId, fetched));
    }

    [Fact]
    public async Task AnExclusionWithPurgeTurnsThatAddresssSyncedEmailsIntoIgnoredExcludedWithoutBodyOrHeaders()
    {
        await using var harness = await EngineHarness.StartAsync(fixture);
        var user = fixture.Tenant.Users[2].Id.ToString();
        var mailboxId = await harness.MailboxIdAsync(user);
        await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);
        var (person, theirs) = await SyncedProspectAsync(harness, mailboxId);
        var syncedBefore = await DailyCountAsync(harness, Decision.Synced);
        var exclusions = new ExclusionAdministration(
            Contexts(harness), harness.Services.GetRequiredService<BasisImport>(),
            harness.Services.GetRequiredService<ExclusionPurge>(), TimeProvider.System);

        var (result, exclusion) = await exclusions.AddAsync(person, "asked to be forgotten", Admin, CancellationToken.None);
        var stored = await exclusions.CountStoredAsync(exclusion!, CancellationToken.None);
        var purged = await exclusions.PurgeAsync(exclusion!, Admin, CancellationToken.None);

        Assert.True(result.Saved);
        Assert.Equal(theirs.Count, stored);
        Assert.Equal(theirs.Count, purged);
        await AssertPurgedAsync(harness, theirs, person);
        Assert.Equal(syncedBefore - theirs.Count, await DailyCountAsync(harness, Decision.Synced));
        await using (var db = harness.CreateContext())
        {
            var audit = await db.AuditEvents.Where(a => a.Target == person).OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(["basis.exclusion.added", "basis.exclusion.purged"], audit.Select(a => a.Action));
            Assert.All(audit, a => Assert.Equal(Admin, a.Actor));
            Assert.Contains($"\"Purged\":{theirs.Count}", audit[1].After, StringComparison.Ordinal);
        }

        // The next sync re-decides nothing back and asks Graph for none of their bodies.
        var before = LastRequest();
        Assert.Equal(SyncOutcome.Completed, (await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly)).Outcome);
        await AssertPurgedAsync(harness, theirs, person);
        var graphIds = await GraphIdsAsync(harness, theirs);
        Assert.DoesNotContain(fixture.Tenant.Requests(before, user).SelectMany(r => r.ContentMessageIds), graphIds.Contains);
    }

    [Fact]
    public async Task APurgedEmailIsNeverFetchedAgainWhenItsExclusionIsRemoved()
    {
        await using var harness = await EngineHarness.StartAsync(fixture);
        var user = fixture.Tenant.Users[2].Id.ToString();
        var mailboxId = await harness.MailboxIdAsync(user);
        await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);
        var (person, theirs) = await SyncedProspectAsync(harness, mailboxId);
        var exclusions = new ExclusionAdministration(
            Contexts(harness), harness.Services.GetRequiredService<BasisImport>(),
            harness.Services.GetRequiredService<ExclusionPurge>(), TimeProvider.System);
        var (_, exclusion) = await exclusions.AddAsync(person, null, Admin, CancellationToken.None);
        await exclusions.PurgeAsync(exclusion!, Admin, CancellationToken.None);
        int exclusionId;
        await using (var db = harness.CreateContext())
        {
            exclusionId = await db.Exclusions.Where(e => e.Value == person).Select(e => e.Id).SingleAsync();
        }

        await exclusions.RemoveAsync(exclusionId, Admin, CancellationToken.None);
        var before = LastRequest();
        var result = await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);

        // Back to Synced as a prospect's, but the body deleted by the purge is not asked for again.
        Assert.Equal(SyncOutcome.Completed, result.Outcome);
        await using var read = harness.CreateContext();
        var decisions = await read.EmailDecisions.AsNoTracking().Where(d => theirs.Contains(d.Id)).ToListAsync();
        Assert.All(decisions, d =>
        {
            Assert.NotNull(d.ContentPurgedAt);
            Assert.False(d.BodyDownloaded);
        });
        Assert.False(await read.EmailContents.AnyAsync(c => theirs.Contains(c.EmailDecisionId)));
        var graphIds = await GraphIdsAsync(harness, theirs);
        Assert.DoesNotContain(fixture.Tenant.Requests(before, user).SelectMany(r => r.ContentMessageIds), graphIds.Contains);
    }

    private static async Task AssertPurgedAsync(EngineHarness harness, List<long> ids, string person)
    {
        await using var db = harness.CreateContext();
        var decisions = await db.EmailDecisions.AsNoTracking().Include(d => d.Participants)
            .Where(d => ids.Contains(d.Id)).ToListAsync();
        Assert.Equal(ids.Count, decisions.Count);
        Assert.All(decisions, d =>
        {
            Assert.Equal((Decision.Ignored, DecisionReason.Excluded), (d.Decision, d.Reason));
            Assert.False(d.BodyDownloaded);
            Assert.Contains("{\"rule\":\"Excluded\",\"result\":\"Decisive\"", d.Trace, StringComparison.Ordinal);

            // Review fields stay, as for any email ignored because of an exclusion.
            Assert.Contains(d.Participants, p => p.Address == person);
        });
        Assert.False(await db.EmailContents.AnyAsync(c => ids.Contains(c.EmailDecisionId)));
    }

    private static IDbContextFactory<HeaderSyncDbContext> Contexts(EngineHarness harness) =>
        harness.Services.GetRequiredService<IDbContextFactory<HeaderSyncDbContext>>();

    private long LastRequest()
    {
        var log = fixture.Tenant.Requests();
        return log.Count == 0 ? 0 : log[^1].Seq;
    }

    private static async Task<(string Person, List<long> Ids)> IgnoredStrangerAsync(EngineHarness harness, Guid mailboxId)
    {
        await using var db = harness.CreateContext();
        var person = await db.EmailParticipants
            .Where(p => p.Role == ParticipantRole.From)
            .Join(db.EmailDecisions.Where(d => d.MailboxId == mailboxId && d.Reason == DecisionReason.NoProspect),
                p => p.EmailDecisionId, d => d.Id, (p, d) => p.Address)
            .OrderBy(a => a)
            .FirstAsync();
        var ids = await db.EmailDecisions
            .Where(d => d.MailboxId == mailboxId && d.Decision == Decision.Ignored && d.Reason == DecisionReason.NoProspect)
            .Where(d => d.Participants.Any(p => p.Role == ParticipantRole.From && p.Address == person))
            .Select(d => d.Id)
            .ToListAsync();
        return (person, ids);
    }

    private static async Task<(string Person, List<long> Ids)> SyncedProspectAsync(EngineHarness harness, Guid mailboxId)
    {
        await using var db = harness.CreateContext();
        var person = await db.EmailParticipants
            .Where(p => p.Role == ParticipantRole.From)
            .Join(db.EmailDecisions.Where(d => d.MailboxId == mailboxId && d.Reason == DecisionReason.Prospect && d.BodyDownloaded),
                p => p.EmailDecisionId, d => d.Id, (p, d) => p.Address)
            .OrderBy(a => a)
            .FirstAsync();
        var ids = await db.EmailDecisions
            .Where(d => d.Decision == Decision.Synced && d.Participants.Any(p => p.Address == person))
            .Select(d => d.Id)
            .ToListAsync();
        Assert.True(await db.EmailContents.CountAsync(c => ids.Contains(c.EmailDecisionId) && c.Headers != null) > 0,
            "no synced email of the prospect has stored headers to purge");
        return (person, ids);
    }

    private static async Task<int> DailyCountAsync(EngineHarness harness, Decision decision)
    {
        await using var db = harness.CreateContext();
        return await db.DailyDecisionCounts.Where(c => c.Decision == decision).SumAsync(c => c.Count);
    }

    private static async Task<HashSet<string>> GraphIdsAsync(EngineHarness harness, List<long> ids)
    {
        await using var db = harness.CreateContext();
        return [.. await db.EmailDecisions.Where(d => ids.Contains(d.Id)).Select(d => d.GraphMessageId).ToListAsync()];
    }
}
