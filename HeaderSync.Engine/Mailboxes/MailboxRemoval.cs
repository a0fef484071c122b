using HeaderSync.Data.Audit;
using HeaderSync.Data.Database;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HeaderSync.Engine.Mailboxes;

/// <summary>
/// Removes a mailbox, keeping its data (decisions stay reviewable) or purging it: everything
/// stored for the mailbox goes in one transaction, and nothing of any other mailbox. A purge
/// takes the mailbox's lease first, so it never runs under a sync.
/// </summary>
public sealed class MailboxRemoval(
    IDbContextFactory<HeaderSyncDbContext> contextFactory,
    MailboxLease lease,
    SyncNode node,
    TimeProvider time,
    ILogger<MailboxRemoval> logger)
{
    /// <summary>Takes the mailbox off the list and the schedule; its decisions and runs stay.</summary>
    public async Task KeepDataAsync(Guid mailboxId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var mailbox = await db.Mailboxes.SingleAsync(m => m.Id == mailboxId, cancellationToken);
        if (mailbox.RemovedAt is not null)
        {
            return;
        }

        var now = time.GetUtcNow();
        mailbox.RemovedAt = now;
        mailbox.RemovedBy = actor;
        mailbox.Enabled = false;
        mailbox.Status.State = MailboxState.Disabled;
        mailbox.Status.NextRunAt = null;
        AuditTrail.Add(db, now, actor, "mailbox.removed", mailbox.OwnerAddress, after: new { KeepData = true });
        await db.SaveChangesAsync(cancellationToken);
        MailboxLog.Removed(logger, mailbox.OwnerAddress, actor);
    }

    /// <summary>Deletes the mailbox and everything stored for it; refused while a sync holds it.</summary>
    public async Task<PurgeResult> PurgeAsync(Guid mailboxId, string actor, CancellationToken cancellationToken)
    {
        var owner = $"{node.Name}/purge-{Guid.NewGuid():N}";
        if (!await lease.TryTakeAsync(mailboxId, owner, cancellationToken))
        {
            throw new InvalidOperationException(
                "The mailbox is syncing right now; remove it once the run has ended.");
        }

        try
        {
            return await DeleteAsync(mailboxId, actor, cancellationToken);
        }
        catch
        {
            await lease.ReleaseAsync(mailboxId, owner, CancellationToken.None);
            throw;
        }
    }

    private async Task<PurgeResult> DeleteAsync(Guid mailboxId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var address = await db.Mailboxes.Where(m => m.Id == mailboxId).Select(m => m.OwnerAddress)
            .SingleAsync(cancellationToken);
        var decisions = db.EmailDecisions.Where(d => d.MailboxId == mailboxId).Select(d => d.Id);
        var runs = db.SyncRuns.Where(r => r.MailboxId == mailboxId).Select(r => r.Id);

        // Children first, so the purge does not depend on the provider's cascades.
        var result = new PurgeResult(
            address,
            Participants: await db.EmailParticipants.Where(p => decisions.Contains(p.EmailDecisionId))
                .ExecuteDeleteAsync(cancellationToken),
            Contents: await db.EmailContents.Where(c => decisions.Contains(c.EmailDecisionId))
                .ExecuteDeleteAsync(cancellationToken),
            Decisions: await db.EmailDecisions.Where(d => d.MailboxId == mailboxId)
                .ExecuteDeleteAsync(cancellationToken),
            DailyCounts: await db.DailyDecisionCounts.Where(c => c.MailboxId == mailboxId)
                .ExecuteDeleteAsync(cancellationToken),
            Cursors: await db.DeltaCursors.Where(c => c.MailboxId == mailboxId)
                .ExecuteDeleteAsync(cancellationToken),
            Runs: await DeleteRunsAsync(db, runs, mailboxId, cancellationToken));

        // The lease lives on the mailbox row and goes with it.
        await db.Mailboxes.Where(m => m.Id == mailboxId).ExecuteDeleteAsync(cancellationToken);
        AuditTrail.Add(db, time.GetUtcNow(), actor, "mailbox.purged", address, after: result);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        MailboxLog.Purged(logger, address, actor, result.Decisions, result.Runs);
        return result;
    }

    private static async Task<int> DeleteRunsAsync(
        HeaderSyncDbContext db, IQueryable<Guid> runs, Guid mailboxId, CancellationToken cancellationToken)
    {
        await db.SyncRunStates.Where(s => runs.Contains(s.SyncRunId)).ExecuteDeleteAsync(cancellationToken);
        return await db.SyncRuns.Where(r => r.MailboxId == mailboxId).ExecuteDeleteAsync(cancellationToken);
    }
}
