using System.Collections.Concurrent;
using HeaderSync.Data.Database;
using HeaderSync.Engine.Status;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeaderSync.Web.Status;

/// <summary>
/// Keeps the last status of each mailbox and sends the changed ones to the hub every
/// <c>Status:CoalesceMs</c>, so a busy tenant cannot flood a browser; the engine never waits.
/// Live values are also written to the mailbox rows now and then, so a page opened mid-run
/// starts from them.
/// </summary>
internal sealed class CoalescingStatusPublisher(
    IHubContext<SyncStatusHub, ISyncStatusClient> hub,
    IDbContextFactory<HeaderSyncDbContext> contextFactory,
    IOptions<StatusOptions> options,
    TimeProvider time,
    ILogger<CoalescingStatusPublisher> logger) : BackgroundService, ISyncStatusPublisher
{
    private static readonly TimeSpan PersistEvery = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<Guid, MailboxStatusUpdate> toSend = new();
    private readonly ConcurrentDictionary<Guid, MailboxStatusUpdate> toPersist = new();

    public void Publish(MailboxStatusUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        toSend[update.MailboxId] = update;
        toPersist[update.MailboxId] = update;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(10, options.Value.CoalesceMs));
        using var timer = new PeriodicTimer(interval, time);
        var lastPersist = time.GetTimestamp();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SendAsync();
                if (time.GetElapsedTime(lastPersist) >= PersistEvery)
                {
                    lastPersist = time.GetTimestamp();
                    await PersistAsync(stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Status is best effort: a failed send or write must not stop the next one.
                StatusLog.PublishFailed(logger, exception);
            }
        }
    }

    private async Task SendAsync()
    {
        var batch = Drain(toSend);
        if (batch.Count > 0)
        {
            await hub.Clients.All.StatusChanged(batch);
        }
    }

    private async Task PersistAsync(CancellationToken cancellationToken)
    {
        var batch = Drain(toPersist);
        if (batch.Count == 0)
        {
            return;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        foreach (var status in batch)
        {
            await db.Mailboxes.Where(m => m.Id == status.MailboxId).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status.State, status.State)
                .SetProperty(m => m.Status.Progress, status.Progress)
                .SetProperty(m => m.Status.HeadersScanned, status.HeadersScanned)
                .SetProperty(m => m.Status.Synced, status.Synced)
                .SetProperty(m => m.Status.Ignored, status.Ignored)
                .SetProperty(m => m.Status.BodiesDownloaded, status.BodiesDownloaded)
                .SetProperty(m => m.Status.ThrottledUntil, status.ThrottledUntil)
                .SetProperty(m => m.Status.UpdatedAt, status.At),
                cancellationToken);
        }
    }

    private static List<MailboxStatusUpdate> Drain(ConcurrentDictionary<Guid, MailboxStatusUpdate> pending)
    {
        var batch = new List<MailboxStatusUpdate>(pending.Count);
        foreach (var id in pending.Keys)
        {
            if (pending.TryRemove(id, out var status))
            {
                batch.Add(status);
            }
        }

        return batch;
    }
}
