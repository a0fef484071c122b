using HeaderSync.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Engine.Sync;

/// <summary>
/// The per-mailbox lease row: one sync at a time for a mailbox, whichever process or node runs
/// it. Taken before a sync, renewed with every page, released at the end; an expired lease
/// (a killed process) can be taken over.
/// </summary>
public sealed class MailboxLease(IDbContextFactory<HeaderSyncDbContext> contextFactory, TimeProvider time)
{
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(2);

    public async Task<bool> TryTakeAsync(Guid mailboxId, string owner, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var expires = now + Duration;

        // A lease left by a process of this machine that no longer runs is free at once;
        // elsewhere only its expiry frees it.
        var holder = await db.Mailboxes.Where(m => m.Id == mailboxId).Select(m => m.LeaseOwner)
            .SingleOrDefaultAsync(cancellationToken);
        var orphaned = holder is not null && SyncNode.IsDeadProcessOfThisMachine(holder) ? holder : null;

        var taken = await db.Mailboxes
            .Where(m => m.Id == mailboxId)
            .Where(m => m.LeaseOwner == null || m.LeaseExpiresAt < now || m.LeaseOwner == owner
                || m.LeaseOwner == orphaned)
            .ExecuteUpdateAsync(
                set => set.SetProperty(m => m.LeaseOwner, owner).SetProperty(m => m.LeaseExpiresAt, expires),
                cancellationToken);
        return taken == 1;
    }

    /// <summary>Renews inside the caller's transaction; false means the lease was lost.</summary>
    public async Task<bool> RenewAsync(
        HeaderSyncDbContext db, Guid mailboxId, string owner, CancellationToken cancellationToken)
    {
        var expires = time.GetUtcNow() + Duration;
        var renewed = await db.Mailboxes
            .Where(m => m.Id == mailboxId && m.LeaseOwner == owner)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeaseExpiresAt, expires), cancellationToken);
        return renewed == 1;
    }

    public async Task ReleaseAsync(Guid mailboxId, string owner, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Mailboxes
            .Where(m => m.Id == mailboxId && m.LeaseOwner == owner)
            .ExecuteUpdateAsync(
                set => set.SetProperty(m => m.LeaseOwner, (string?)null)
                    .SetProperty(m => m.LeaseExpiresAt, (DateTimeOffset?)null),
                cancellationToken);
    }
}
