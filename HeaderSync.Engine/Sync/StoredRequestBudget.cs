using HeaderSync.Data.Database;
using HeaderSync.Engine.Graph;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Engine.Sync;

/// <summary>
/// Graph's budget of requests per app and mailbox in ten minutes, kept in the mailbox row so
/// every process and node draws from the same one. Requests are reserved in small blocks to
/// keep the database out of every request's path; an unused reservation is simply spent.
/// </summary>
public sealed class StoredRequestBudget(
    IDbContextFactory<HeaderSyncDbContext> contextFactory,
    Guid mailboxId,
    int limit,
    TimeProvider time) : IRequestBudget, IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    // A reservation is a write: blocks this size keep it off the path of all but one request in a
    // hundred, and a run that stops early leaves at most one block of the window unspent.
    private const int Block = 100;

    private readonly SemaphoreSlim reserving = new(1, 1);
    private int reserved;

    public async ValueTask ConsumeAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref reserved) >= 0)
        {
            return;
        }

        Interlocked.Increment(ref reserved);
        await reserving.WaitAsync(cancellationToken);
        try
        {
            while (Volatile.Read(ref reserved) <= 0)
            {
                var wait = await TryReserveAsync(cancellationToken);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken);
                }
            }

            Interlocked.Decrement(ref reserved);
        }
        finally
        {
            reserving.Release();
        }
    }

    public void Dispose() => reserving.Dispose();

    // Returns how long to wait when the window is spent, or zero once a block is reserved.
    private async Task<TimeSpan> TryReserveAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var windowStart = now - Window;
        var block = Math.Min(Block, limit);

        var restarted = await db.Mailboxes
            .Where(m => m.Id == mailboxId)
            .Where(m => m.BudgetWindowStartedAt == null || m.BudgetWindowStartedAt <= windowStart)
            .ExecuteUpdateAsync(
                set => set.SetProperty(m => m.BudgetWindowStartedAt, now)
                    .SetProperty(m => m.BudgetRequestsUsed, block),
                cancellationToken);
        var taken = restarted == 1 || await db.Mailboxes
            .Where(m => m.Id == mailboxId && m.BudgetRequestsUsed + block <= limit)
            .ExecuteUpdateAsync(
                set => set.SetProperty(m => m.BudgetRequestsUsed, m => m.BudgetRequestsUsed + block),
                cancellationToken) == 1;
        if (taken)
        {
            Interlocked.Add(ref reserved, block);
            return TimeSpan.Zero;
        }

        // Less than a block left in the window: take what is left.
        var used = await db.Mailboxes.Where(m => m.Id == mailboxId)
            .Select(m => m.BudgetRequestsUsed)
            .SingleAsync(cancellationToken);
        var rest = limit - used;
        if (rest > 0 && await db.Mailboxes
            .Where(m => m.Id == mailboxId && m.BudgetRequestsUsed == used)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.BudgetRequestsUsed, used + rest), cancellationToken) == 1)
        {
            Interlocked.Add(ref reserved, rest);
            return TimeSpan.Zero;
        }

        var started = await db.Mailboxes.Where(m => m.Id == mailboxId)
            .Select(m => m.BudgetWindowStartedAt)
            .SingleAsync(cancellationToken);
        var wait = (started ?? now) + Window - now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(50);
    }
}
