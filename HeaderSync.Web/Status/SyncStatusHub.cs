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
        var mailboxes = await db.Mailboxes.AsNoTracking().Where(m => m.RemovedAt == null)
            .OrderBy(m => m.OwnerAddress)
            .ToListAsync(Context.ConnectionAborted);
        return [.. mailboxes.Select(MailboxStatusUpdate.Of)];
    }
}
