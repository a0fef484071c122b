using HeaderSync.Data.Database;
using HeaderSync.Engine.Status;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Web.Status;

/// <summary>
/// Live per-mailbox status at <c>/hubs/sync-status</c>. A client asks for the current statuses
/// once, then receives the changes, coalesced.
/// </summary>
public sealed class SyncStatusHub(IDbContextFactory<HeaderSyncDbContext> contextFactory) : Hub<ISyncStatusClient>
{
    public const string Path = "/hubs/sync-status";

    /// <summary>The last persisted status of every mailbox, right before the first event arrives.</summary>
    public async Task<IReadOnlyList<MailboxStatusUpdate>> Current()
    {
        await using var db = await contextFactory.CreateDbContextAsync(Context.ConnectionAborted);
        var mailboxes = await db.Mailboxes.AsNoTracking().OrderBy(m => m.OwnerAddress)
            .ToListAsync(Context.ConnectionAborted);
        return [.. mailboxes.Select(m => new MailboxStatusUpdate(
            m.Id, m.OwnerAddress, m.Status.State, m.Status.Progress, m.Status.HeadersScanned,
            m.Status.Synced, m.Status.Ignored, m.Status.BodiesDownloaded, m.Status.ThrottledUntil,
            m.Status.LastRunAt, m.Status.NextRunAt, m.Status.LastError, m.Status.Warning, m.Status.UpdatedAt))];
    }
}
