using HeaderSync.Data.Decisions;
using HeaderSync.Data.Runs;
using HeaderSync.Engine.Graph;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Tests.Sync;

[Collection(EngineTestGroup.Name)]
public sealed class StandardModeSyncTests(EngineTenantFixture fixture)
{
    [Fact]
    public async Task StandardModeReachesTheSameDecisionOnEveryEmailAsHeaderOnlyMode()
    {
        var user = fixture.Tenant.Users[1].Id.ToString();

        var headerOnly = await DecisionsAfterSyncAsync(user, SyncMode.HeaderOnly);
        var standard = await DecisionsAfterSyncAsync(user, SyncMode.Standard);

        Assert.NotEmpty(headerOnly);
        Assert.Equal(headerOnly.Keys.Order(), standard.Keys.Order());
        var disagreements = headerOnly.Where(h => standard[h.Key] != h.Value).Select(h => h.Key).ToList();
        Assert.Empty(disagreements);
        Assert.Contains(standard.Values, d => d.Decision == Decision.Synced);
    }

    [Fact]
    public async Task StandardModeSelectsBodiesInTheDeltaRoundAndStoresOnlySyncedOnes()
    {
        await using var harness = await EngineHarness.StartAsync(fixture);
        var user = fixture.Tenant.Users[1].Id.ToString();
        var mailboxId = await harness.MailboxIdAsync(user);
        var log = fixture.Tenant.Requests();
        var before = log.Count == 0 ? 0 : log[^1].Seq;

        var result = await harness.SyncAsync(mailboxId, SyncMode.Standard);

        Assert.Equal(SyncOutcome.Completed, result.Outcome);
        Assert.Equal(result.Synced, result.BodiesDownloaded);
        var rounds = fixture.Tenant.Requests(before, user).Where(r => r.Path.Contains("/delta", StringComparison.Ordinal)).ToList();
        Assert.All(rounds, r => Assert.Contains("body", r.Select));
        await using var db = harness.CreateContext();
        Assert.Equal(0, await db.EmailDecisions.CountAsync(d => d.Decision == Decision.Ignored && d.Content != null));
        Assert.Equal(
            await db.EmailDecisions.CountAsync(d => d.Decision == Decision.Synced),
            await db.EmailContents.CountAsync(c => c.BodyHtml != null || c.BodyText != null));
        Assert.DoesNotContain(fixture.Tenant.Requests(before, user),
            r => !r.Path.Contains("/delta", StringComparison.Ordinal) && r.Select.Intersect(MessageFields.Content).Any());
    }

    private async Task<Dictionary<string, (Decision Decision, DecisionReason Reason)>> DecisionsAfterSyncAsync(
        string user, SyncMode mode)
    {
        await using var harness = await EngineHarness.StartAsync(fixture);
        var mailboxId = await harness.MailboxIdAsync(user);
        var result = await harness.SyncAsync(mailboxId, mode);
        Assert.Equal(SyncOutcome.Completed, result.Outcome);

        await using var db = harness.CreateContext();
        return await db.EmailDecisions.AsNoTracking()
            .Where(d => d.MailboxId == mailboxId)
            .ToDictionaryAsync(d => d.GraphMessageId, d => (d.Decision, d.Reason));
    }
}
