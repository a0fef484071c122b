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
    WriterTurns turns,
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

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            EveryAsync(TimeSpan.FromMilliseconds(Math.Max(10, options.Value.CoalesceMs)), _ => SendAsync(), stoppingToken),
            EveryAsync(PersistEvery, PersistAsync, stoppingToken));

    // Sending and persisting keep their own rhythm: a write that waits for the database (SQLite's
    // one writer is busy while mailboxes sync) must not hold back what the hub hears. Each tick's
    // work runs on the thread pool, never on the thread that fired the tick.
    private async Task EveryAsync(TimeSpan interval, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await Task.Run(() => work(stoppingToken), stoppingToken);
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

    // One turn and one transaction for every mailbox that changed, instead of a wait for the
    // writer per mailbox.
    private async Task PersistAsync(CancellationToken cancellationToken)
    {
        var batch = Drain(toPersist);
        if (batch.Count == 0)
        {
            return;
        }

        using var turn = await turns.TakeAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
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

        await transaction.CommitAsync(cancellationToken);
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
