using HeaderSync.Data.Audit;
using HeaderSync.Data.Database;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Web.Mailboxes;

/// <summary>What admins do to mailboxes from the Mailboxes page; every action is audited.</summary>
public sealed class MailboxAdministration(
    IDbContextFactory<HeaderSyncDbContext> contextFactory, SyncScheduler scheduler, TimeProvider time)
{
    public async Task<IReadOnlyList<Mailbox>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Mailboxes.AsNoTracking().OrderBy(m => m.OwnerAddress).ToListAsync(cancellationToken);
    }

    public Task ResyncAsync(Guid mailboxId, bool full, string actor, CancellationToken cancellationToken) =>
        scheduler.RequestResyncAsync(mailboxId, full, actor, cancellationToken);

    public async Task ResyncAllAsync(bool full, string actor, CancellationToken cancellationToken)
    {
        foreach (var mailbox in await ListAsync(cancellationToken))
        {
            if (mailbox.Enabled && mailbox.Provider == EmailProvider.Office365OAuth)
            {
                await scheduler.RequestResyncAsync(mailbox.Id, full, actor, cancellationToken);
            }
        }
    }

    /// <summary>Enables or disables a mailbox's sync; a disabled one keeps its data and is not scheduled.</summary>
    public async Task SetEnabledAsync(Guid mailboxId, bool enabled, string actor, CancellationToken cancellationToken)
    {
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var mailbox = await db.Mailboxes.SingleAsync(m => m.Id == mailboxId, cancellationToken);
            if (mailbox.Enabled == enabled)
            {
                return;
            }

            mailbox.Enabled = enabled;
            mailbox.Status.State = enabled ? MailboxState.Idle : MailboxState.Disabled;
            AuditTrail.Add(db, time.GetUtcNow(), actor, enabled ? "mailbox.enabled" : "mailbox.disabled",
                mailbox.OwnerAddress);
            await db.SaveChangesAsync(cancellationToken);
        }

        await scheduler.ScheduleAllAsync(cancellationToken);
    }
}
