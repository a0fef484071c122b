using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Engine.Sync;

/// <summary>
/// Stores one delta page in one transaction: its new decisions, the messages it removed, the
/// folder's new cursor and a renewed lease. A page is either all stored or not at all, so a
/// sync stopped anywhere resumes from the last stored cursor without losing or doubling mail.
/// </summary>
public sealed class PageWriter(
    IDbContextFactory<HeaderSyncDbContext> contextFactory, WriterTurns turns, MailboxLease lease, TimeProvider time)
{
    public async Task WriteAsync(
        MailboxSyncContext context,
        MailFolder folder,
        SyncMode mode,
        IReadOnlyList<EmailDecision> decisions,
        IReadOnlyCollection<string> removedIds,
        string link,
        bool roundComplete,
        CancellationToken cancellationToken)
    {
        var run = context.Run;
        var now = time.GetUtcNow();
        using var turn = await turns.TakeAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        if (!await lease.RenewAsync(db, run.MailboxId, context.LeaseOwner, cancellationToken))
        {
            throw new LeaseLostException(run.Mailbox);
        }

        if (removedIds.Count > 0)
        {
            // A move shows as @removed here and as new elsewhere: only the folder the decision
            // was made in marks the message gone.
            await db.EmailDecisions
                .Where(d => d.MailboxId == run.MailboxId && d.Folder == folder && d.RemovedAt == null)
                .Where(d => removedIds.Contains(d.GraphMessageId))
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.RemovedAt, now), cancellationToken);
        }

        await NewDecisions.AddAsync(db, decisions, cancellationToken);
        await DailyCounts.AddAsync(
            db, run.MailboxId, decisions.Select(d => (d.ReceivedAt, d.Decision, d.Reason, 1)), cancellationToken);

        var cursor = await db.DeltaCursors.FindAsync([run.MailboxId, folder, mode], cancellationToken);
        if (cursor is null)
        {
            cursor = new DeltaCursor { MailboxId = run.MailboxId, Folder = folder, Mode = mode, Link = link };
            cursor.RoundStartedAt = now;
            db.DeltaCursors.Add(cursor);
        }
        else if (cursor.RoundComplete)
        {
            cursor.RoundStartedAt = now;
        }

        cursor.Link = link;
        cursor.RoundComplete = roundComplete;
        cursor.UpdatedAt = now;

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
