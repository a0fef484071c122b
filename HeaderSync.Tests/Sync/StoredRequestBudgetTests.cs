using HeaderSync.Data.Database;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Sync;
using HeaderSync.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HeaderSync.Tests.Sync;

public sealed class StoredRequestBudgetTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task EveryRequestOfTheWindowIsUsableWhenTheLimitIsNoMultipleOfTheReservedBlock()
    {
        await database.MigrateAsync();
        var mailboxId = Guid.NewGuid();
        await using (var db = database.CreateContext())
        {
            db.Mailboxes.Add(new Mailbox { Id = mailboxId, OwnerAddress = "seller@contoso.com" });
            await db.SaveChangesAsync();
        }

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
        using var budget = new StoredRequestBudget(new Factory(database), mailboxId, limit: 150, clock);
        for (var i = 0; i < 150; i++)
        {
            var request = budget.ConsumeAsync(CancellationToken.None);
            Assert.True(request.IsCompleted || await Completes(request.AsTask()), $"request {i + 1} of 150 waited");
        }

        // The 151st waits for the next window, which only this clock can bring.
        var over = budget.ConsumeAsync(CancellationToken.None).AsTask();
        Assert.False(await Completes(over));
        clock.Advance(StoredRequestBudget.Window);
        Assert.True(await Completes(over, TimeSpan.FromSeconds(10)));

        await using var check = database.CreateContext();
        var used = await check.Mailboxes.Where(m => m.Id == mailboxId).Select(m => m.BudgetRequestsUsed).SingleAsync();
        Assert.InRange(used, 1, 100);
    }

    private static async Task<bool> Completes(Task task, TimeSpan? within = null) =>
        await Task.WhenAny(task, Task.Delay(within ?? TimeSpan.FromSeconds(1))) == task;

    private sealed class Factory(TempDatabase database) : IDbContextFactory<HeaderSyncDbContext>
    {
        public HeaderSyncDbContext CreateDbContext() => database.CreateContext();
    }
}
