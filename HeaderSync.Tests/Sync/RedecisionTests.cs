using HeaderSync.Data.Basis;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Runs;
using HeaderSync.Engine.Graph;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Tests.Sync;

[Collection(EngineTestGroup.Name)]
public sealed class RedecisionTests(EngineTenantFixture fixture)
{
    [Fact]
    public async Task AddingAProspectPromotesThatPersonsIgnoredEmailsFetchingOnlyTheirBodies()
    {
        await using var harness = await EngineHarness.StartAsync(fixture);
        var user = fixture.Tenant.Users[0].Id.ToString();
        var mailboxId = await harness.MailboxIdAsync(user);
        await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);
        var person = await IgnoredStrangerAsync(harness, mailboxId);
        var theirs = await IdsFromAsync(harness, mailboxId, person);
        var log = fixture.Tenant.Requests();
        var before = log.Count == 0 ? 0 : log[^1].Seq;

        await using (var db = harness.CreateContext())
        {
            db.Prospects.Add(new Prospect { Email = person, Name = "New prospect" });
            await BasisVersions.BumpAsync(db, DateTimeOffset.UnixEpoch, "test", CancellationToken.None);
            await db.SaveChangesAsync();
        }

        var result = await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);

        Assert.Equal(SyncOutcome.Completed, result.Outcome);
        await using var read = harness.CreateContext();
        var promoted = await read.EmailDecisions.AsNoTracking().Where(d => theirs.Contains(d.Id)).ToListAsync();
        Assert.All(promoted, d =>
        {
            Assert.Equal(Decision.Synced, d.Decision);
            Assert.Equal(DecisionReason.Prospect, d.Reason);
            Assert.True(d.BodyDownloaded);
        });
        var requests = fixture.Tenant.Requests(before, user);
        var promotedIds = promoted.Select(d => d.GraphMessageId).ToHashSet();
        Assert.Equal(promotedIds.Order(), requests.SelectMany(r => r.ContentMessageIds).Distinct().Order());
        Assert.All(requests.Where(r => r.Path.Contains("/delta", StringComparison.Ordinal)),
            r => Assert.Empty(r.Select.Intersect(MessageFields.Content)));
    }

    [Fact]
    public async Task TheToggleFlippedMidSyncSelectsNoBodyFromTheNextPageOn()
    {
        await using var harness = await EngineHarness.StartAsync(fixture, new Dictionary<string, string?>
        {
            ["Sync:PageSize"] = "10",
        });
        var user = fixture.Tenant.Users[1].Id.ToString();
        var mailboxId = await harness.MailboxIdAsync(user);
        var log = fixture.Tenant.Requests();
        var before = log.Count == 0 ? 0 : log[^1].Seq;
        var faults = fixture.Tenant.Faults;
        var slow = faults.Clone();
        slow.LatencyMsPerKb = 5;
        fixture.Tenant.Faults = slow;
        try
        {
            var sync = harness.SyncAsync(mailboxId, mode: null);
            await WaitForAsync(() => fixture.Tenant.Requests(before, user).Any(IsStandardDeltaPage));
            await using (var db = harness.CreateContext())
            {
                await db.OrgSettings.ExecuteUpdateAsync(s => s.SetProperty(o => o.HeaderOnlySync, true));
            }

            var result = await sync;
            Assert.Equal(SyncOutcome.Completed, result.Outcome);
        }
        finally
        {
            fixture.Tenant.Faults = faults;
        }

        var rounds = fixture.Tenant.Requests(before, user).Where(r => r.Path.Contains("/delta", StringComparison.Ordinal)).ToList();
        var firstHeaderOnly = rounds.FindIndex(r => !IsStandardDeltaPage(r));
        Assert.True(firstHeaderOnly > 0, "no page was read in standard mode before the switch");
        Assert.All(rounds.Skip(firstHeaderOnly), r => Assert.Empty(r.Select.Intersect(MessageFields.Content)));
        await using var read = harness.CreateContext();
        Assert.Contains(await read.EmailDecisions.Where(d => d.MailboxId == mailboxId).Select(d => d.Mode).Distinct().ToListAsync(),
            m => m == SyncMode.HeaderOnly);
    }

    private static bool IsStandardDeltaPage(HeaderSync.Simulator.Evidence.RequestLogEntry request) =>
        request.Path.Contains("/delta", StringComparison.Ordinal) && request.Select.Contains("body");

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition(), "the condition was never met");
    }

    private static async Task<string> IgnoredStrangerAsync(EngineHarness harness, Guid mailboxId)
    {
        await using var db = harness.CreateContext();
        return await db.EmailParticipants
            .Where(p => p.Role == ParticipantRole.From)
            .Join(db.EmailDecisions.Where(d => d.MailboxId == mailboxId && d.Reason == DecisionReason.NoProspect),
                p => p.EmailDecisionId, d => d.Id, (p, d) => p.Address)
            .OrderBy(a => a)
            .FirstAsync();
    }

    private static async Task<List<long>> IdsFromAsync(EngineHarness harness, Guid mailboxId, string address)
    {
        await using var db = harness.CreateContext();
        return await db.EmailDecisions
            .Where(d => d.MailboxId == mailboxId && d.Decision == Decision.Ignored)
            .Where(d => d.Participants.Any(p => p.Role == ParticipantRole.From && p.Address == address))
            .Select(d => d.Id)
            .ToListAsync();
    }
}
