using HeaderSync.Data.Decisions;
using HeaderSync.Data.Runs;
using HeaderSync.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace HeaderSync.Tests.Sync;

[Collection(EngineTestGroup.Name)]
public sealed class RequestBudgetTests
{
    [Fact]
    public async Task ASpentBudgetPausesTheSyncUntilItsStoredWindowEnds()
    {
        await using var tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { Seed = 67, Mailboxes = 1, MessagesPerMailbox = 120 });
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var harness = await EngineHarness.StartAsync(
            tenant,
            new Dictionary<string, string?> { ["Sync:PageSize"] = "10", ["Sync:MaxRequestsPerMailboxPer10Min"] = "20" },
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var mailboxId = await harness.MailboxIdAsync(tenant.Users[0].Id.ToString());
        var user = tenant.Users[0].Id.ToString();

        var sync = harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);
        var pausedAt = await RequestsOnceStalledAsync(tenant, user, sync);
        var windows = 1;
        while (!sync.IsCompleted)
        {
            // Nothing else moves this clock: the paused sync goes on only once its window ends.
            clock.Advance(TimeSpan.FromMinutes(10));
            windows++;
            await RequestsOnceStalledAsync(tenant, user, sync);
        }

        var result = await sync;
        Assert.Equal(SyncOutcome.Completed, result.Outcome);
        Assert.InRange(pausedAt, 1, 20);
        Assert.True(result.Requests > 20, $"only {result.Requests} requests");
        Assert.True(windows >= (result.Requests + 19) / 20, $"{result.Requests} requests in {windows} windows");
        await using var db = harness.CreateContext();
        var used = await db.Mailboxes.AsNoTracking().Where(m => m.Id == mailboxId)
            .Select(m => m.BudgetRequestsUsed).SingleAsync();
        Assert.InRange(used, 1, 20);
    }

    // Waits until the mailbox's requests stop coming (a pause) or the sync ends; returns their count.
    private static async Task<int> RequestsOnceStalledAsync(SimulatedTenant tenant, string user, Task sync)
    {
        var count = -1;
        for (var i = 0; i < 200 && !sync.IsCompleted; i++)
        {
            await Task.Delay(300);
            var now = tenant.Requests(0, user).Count;
            if (now == count)
            {
                break;
            }

            count = now;
        }

        return tenant.Requests(0, user).Count;
    }
}
