using HeaderSync.Data.Audit;
using HeaderSync.Data.Database;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Graph;
using HeaderSync.Engine.Mailboxes;
using HeaderSync.Engine.Scheduling;
using HeaderSync.Engine.Status;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Web.Mailboxes;

/// <summary>What admins do to mailboxes from the Mailboxes page; every action is audited.</summary>
public sealed class MailboxAdministration(
    IDbContextFactory<HeaderSyncDbContext> contextFactory,
    SyncScheduler scheduler,
    MailboxDirectory directory,
    MailboxRemoval removal,
    ConnectionCheck connectionCheck,
    ISyncStatusPublisher publisher,
    TimeProvider time)
{
    /// <summary>The listed mailboxes: every one but those removed with their data kept.</summary>
    public async Task<IReadOnlyList<Mailbox>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Mailboxes.AsNoTracking().Where(m => m.RemovedAt == null)
            .OrderBy(m => m.OwnerAddress).ToListAsync(cancellationToken);
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
            mailbox.Status.UpdatedAt = time.GetUtcNow();
            AuditTrail.Add(db, time.GetUtcNow(), actor, enabled ? "mailbox.enabled" : "mailbox.disabled",
                mailbox.OwnerAddress);
            await db.SaveChangesAsync(cancellationToken);
            publisher.Publish(MailboxStatusUpdate.Of(mailbox));
        }

        await scheduler.ScheduleAllAsync(cancellationToken);
    }

    public Task<IReadOnlyList<DirectoryUser>> SearchDirectoryAsync(string? text, CancellationToken cancellationToken) =>
        directory.SearchAsync(text, cancellationToken);

    /// <summary>Adds directory users as Graph mailboxes and starts their first sync at once.</summary>
    public async Task<int> AddFromDirectoryAsync(
        IReadOnlyCollection<DirectoryUser> users, string actor, CancellationToken cancellationToken)
    {
        var added = await directory.AddFromDirectoryAsync(users, actor, cancellationToken);
        foreach (var mailboxId in added)
        {
            await scheduler.ScheduleNowAsync(mailboxId, cancellationToken);
        }

        return added.Count;
    }

    /// <summary>Records a mailbox of another provider; it is listed as not covered and never synced.</summary>
    public Task<Guid> RecordAsync(
        string address, EmailProvider provider, string actor, CancellationToken cancellationToken) =>
        directory.RecordAsync(address, provider, actor, cancellationToken);

    /// <summary>Removes a mailbox, keeping its data or purging it; the schedule drops it first.</summary>
    public async Task RemoveAsync(Guid mailboxId, bool purge, string actor, CancellationToken cancellationToken)
    {
        await scheduler.UnscheduleAsync(mailboxId, cancellationToken);
        try
        {
            if (purge)
            {
                await removal.PurgeAsync(mailboxId, actor, cancellationToken);
            }
            else
            {
                await removal.KeepDataAsync(mailboxId, actor, cancellationToken);
            }
        }
        catch
        {
            // Not removed after all: it goes back on the schedule.
            await scheduler.ScheduleAllAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>Asks Graph every kind of call a sync of the mailbox makes; audited with its findings.</summary>
    public async Task<ConnectionReport> CheckConnectionAsync(
        Guid mailboxId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var mailbox = await db.Mailboxes.SingleAsync(m => m.Id == mailboxId, cancellationToken);
        if (mailbox.GraphUserId is null || mailbox.Provider != EmailProvider.Office365OAuth)
        {
            throw new InvalidOperationException($"{mailbox.OwnerAddress} is not a Microsoft Graph mailbox.");
        }

        var report = await connectionCheck.RunAsync(mailbox.OwnerAddress, mailbox.GraphUserId, cancellationToken);
        AuditTrail.Add(db, time.GetUtcNow(), actor, "mailbox.connection-checked", mailbox.OwnerAddress,
            after: report.Checks.ToDictionary(c => c.Name, c => c.Summary));
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }
}
