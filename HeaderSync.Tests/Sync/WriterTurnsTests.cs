using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Runs;
using HeaderSync.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeaderSync.Tests.Sync;

[Collection(EngineTestGroup.Name)]
public sealed class WriterTurnsTests
{
    [Fact]
    public async Task OnSqliteASyncsPageWritesWaitForTheTurnWithoutStoppingItsRequests()
    {
        await using var tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { Seed = 71, Mailboxes = 1, MessagesPerMailbox = 60 });
        await using var harness = await EngineHarness.StartAsync(tenant, new Dictionary<string, string?> { ["Sync:PageSize"] = "10" });
        var user = tenant.Users[0].Id.ToString();
        var mailboxId = await harness.MailboxIdAsync(user);
        var turns = harness.Services.GetRequiredService<WriterTurns>();

        var held = await turns.TakeAsync(CancellationToken.None);
        var sync = harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);
        for (var i = 0; i < 100 && tenant.Requests(0, user).Count < 2; i++)
        {
            await Task.Delay(100);
        }

        // Both folders' first pages came back; neither could be stored while the turn was taken.
        Assert.True(tenant.Requests(0, user).Count >= 2);
        await Task.Delay(500);
        await using (var db = harness.CreateContext())
        {
            Assert.False(await db.EmailDecisions.AnyAsync(d => d.MailboxId == mailboxId));
        }

        Assert.False(sync.IsCompleted);

        held.Dispose();
        var result = await sync;
        Assert.Equal(SyncOutcome.Completed, result.Outcome);
        await using var after = harness.CreateContext();
        Assert.Equal(result.Synced + result.Ignored, await after.EmailDecisions.CountAsync(d => d.MailboxId == mailboxId));
        Assert.True(result.Synced + result.Ignored > 0);
    }

    [Fact]
    public async Task EachFolderAsksForItsNextPageWhileAPageWaitsToBeStoredAndNoFurther()
    {
        await using var tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { Seed = 72, Mailboxes = 1, MessagesPerMailbox = 80 });
        await using var harness = await EngineHarness.StartAsync(tenant, new Dictionary<string, string?> { ["Sync:PageSize"] = "10" });
        var user = tenant.Users[0].Id.ToString();
        var mailboxId = await harness.MailboxIdAsync(user);
        var turns = harness.Services.GetRequiredService<WriterTurns>();
        int PagesOf(string folder) => tenant.Requests(0, user).Count(r => r.Path.Contains($"/mailFolders/{folder}/", StringComparison.Ordinal));

        var held = await turns.TakeAsync(CancellationToken.None);
        var sync = harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);
        for (var i = 0; i < 100 && (PagesOf("inbox") < 2 || PagesOf("sentitems") < 2); i++)
        {
            await Task.Delay(100);
        }

        // The first page of each folder waits for the turn; the second came back meanwhile, and
        // nothing was asked beyond it.
        await Task.Delay(500);
        Assert.Equal((2, 2), (PagesOf("inbox"), PagesOf("sentitems")));
        await using (var db = harness.CreateContext())
        {
            Assert.False(await db.EmailDecisions.AnyAsync(d => d.MailboxId == mailboxId));
        }

        held.Dispose();
        var result = await sync;
        Assert.Equal(SyncOutcome.Completed, result.Outcome);
        Assert.True(PagesOf("inbox") > 2, $"{PagesOf("inbox")} inbox pages");
    }

    [Theory]
    [InlineData("SqlServer")]
    [InlineData("Postgres")]
    public async Task ServersThatLockRowsGiveEveryTurnAtOnce(string provider)
    {
        using var turns = new WriterTurns(Options.Create(new DatabaseOptions { Provider = provider, ConnectionString = "x" }));
        using var first = await turns.TakeAsync(CancellationToken.None);
        var second = turns.TakeAsync(CancellationToken.None);
        Assert.True(second.IsCompleted);
        (await second).Dispose();
    }
}
