using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Data.Runs;
using HeaderSync.Data.Settings;
using HeaderSync.Engine.Basis;
using HeaderSync.Engine.Diagnostics;
using HeaderSync.Engine.Graph;
using HeaderSync.Engine.Status;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeaderSync.Engine.Sync;

/// <summary>
/// One sync of one mailbox, top to bottom: take the lease, re-decide for a newer basis, run the
/// header pass of both folders with the body pass pipelined behind it, re-decide threads, then
/// record the run and the mailbox's status.
/// </summary>
public sealed class MailboxSyncer(
    IDbContextFactory<HeaderSyncDbContext> contextFactory,
    MailboxLease lease,
    MailboxGraphClientFactory graphFactory,
    FolderHeaderPass headerPass,
    BodyPass bodyPass,
    Redecision redecision,
    SyncOutcomes outcomes,
    ISyncStatusPublisher publisher,
    SyncMetrics metrics,
    IOptions<SyncOptions> options,
    SyncNode node,
    TimeProvider time,
    ILogger<MailboxSyncer> logger)
{
    private static readonly MailFolder[] Folders = [MailFolder.Inbox, MailFolder.SentItems];

    public async Task<SyncResult> SyncAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (mailbox, settings) = await LoadAsync(request.MailboxId, cancellationToken);
        var mode = request.ModeOverride ?? (settings.HeaderOnlySync ? SyncMode.HeaderOnly : SyncMode.Standard);

        if (!mailbox.Enabled || mailbox.Provider != EmailProvider.Office365OAuth || mailbox.GraphUserId is null)
        {
            var reason = mailbox.Enabled ? "not covered: only Microsoft Graph mailboxes are synced" : "disabled";
            SyncLog.Skipped(logger, mailbox.OwnerAddress, reason);
            return outcomes.Skipped(mailbox, mode, request.Full, reason, held: false);
        }

        if (request.Trigger == SyncTrigger.Schedule && mailbox.Status is
            { State: MailboxState.NeedsAttention, LastRunAt: { } lastRun } status
            && lastRun + AttentionBackoff.After(status.ConsecutiveFailures) > time.GetUtcNow())
        {
            var retry = lastRun + AttentionBackoff.After(status.ConsecutiveFailures);
            SyncLog.Skipped(logger, mailbox.OwnerAddress, $"needs attention; next retry after {retry:u}");
            return outcomes.Skipped(mailbox, mode, request.Full, $"needs attention until {retry:u}", held: false);
        }

        var owner = $"{node.Name}/{Guid.NewGuid():N}";
        if (!await lease.TryTakeAsync(mailbox.Id, owner, cancellationToken))
        {
            SyncLog.Skipped(logger, mailbox.OwnerAddress, "held by another sync");
            return outcomes.Skipped(mailbox, mode, request.Full, "held by another sync", held: true);
        }

        try
        {
            return await RunAsync(request, mailbox, settings, mode, owner, cancellationToken);
        }
        finally
        {
            await lease.ReleaseAsync(mailbox.Id, owner, CancellationToken.None);
        }
    }

    private async Task<SyncResult> RunAsync(
        SyncRequest request, Mailbox mailbox, OrgSettings settings, SyncMode mode, string owner,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var run = new MailboxRun(
            mailbox.Id, mailbox.OwnerAddress, mailbox.GraphUserId!, mode, publisher, metrics, time);
        var record = await outcomes.StartAsync(request, mailbox, mode, node.Name, cancellationToken);
        SyncLog.Started(logger, mailbox.OwnerAddress, mode.ToString(), request.Full, request.Trigger.ToString());
        run.Publish(MailboxState.Queued, detail: "started");

        Exception? failure = null;
        try
        {
            await SyncFoldersAsync(request, settings, run, owner, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped from outside (shutdown): recorded, not counted against the mailbox.
            var elapsed = (long)time.GetElapsedTime(started).TotalMilliseconds;
            await outcomes.FinishAsync(record, run, request.Full, elapsed, new SyncCancelledException(), CancellationToken.None);
            throw;
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        var duration = (long)time.GetElapsedTime(started).TotalMilliseconds;
        var result = await outcomes.FinishAsync(record, run, request.Full, duration, failure, CancellationToken.None);
        if (failure is null)
        {
            SyncLog.Completed(logger, run.Mailbox, duration, run.HeadersScanned, run.Synced, run.Ignored,
                run.BodiesDownloaded, run.Requests, run.Throttled);
        }
        else
        {
            SyncLog.Failed(logger, run.Mailbox, result.Error ?? failure.Message, failure);
        }

        return result;
    }

    private async Task SyncFoldersAsync(
        SyncRequest request, OrgSettings settings, MailboxRun run, string owner, CancellationToken cancellationToken)
    {
        if (request.Full)
        {
            await DropCursorsAsync(run.MailboxId, cancellationToken);
        }

        var (basis, basisVersion, threads) = await LoadBasisAsync(run.MailboxId, cancellationToken);
        using var budget = new StoredRequestBudget(
            contextFactory, run.MailboxId, options.Value.MaxRequestsPerMailboxPer10Min, time);
        var gate = new MailboxRequestGate(budget, run, time);
        using var graph = graphFactory.Create(gate);
        var context = new MailboxSyncContext(
            run, graph, basis, basisVersion, threads, owner,
            time.GetUtcNow().AddDays(-settings.HistoryWindowDays), options.Value.PageSize, new BodyQueue());

        // If the header pass fails, the body pass is stopped too before the client goes away.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var bodies = bodyPass.RunAsync(context, stop.Token);
        try
        {
            await QueueMissingBodiesAsync(context, cancellationToken);
            await redecision.RedecideForBasisAsync(context, cancellationToken);
            await Task.WhenAll(Folders.Select(folder => headerPass.RunAsync(
                context, folder, ct => ModeOfPageAsync(request, ct), cancellationToken)));
            await redecision.RedecideThreadsAsync(context, cancellationToken);
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            context.Bodies.Complete();
            try
            {
                await bodies;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped because the header pass failed; that failure is the one reported.
            }
        }
    }

    // The toggle is read at every page, so a switch takes effect at the next page boundary.
    private async Task<SyncMode> ModeOfPageAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        if (request.ModeOverride is { } mode)
        {
            return mode;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var headerOnly = await db.OrgSettings.AsNoTracking()
            .Where(s => s.Id == OrgSettings.SingletonId)
            .Select(s => s.HeaderOnlySync)
            .SingleAsync(cancellationToken);
        return headerOnly ? SyncMode.HeaderOnly : SyncMode.Standard;
    }

    // Synced emails whose body a stopped run or a missing permission left behind.
    private async Task QueueMissingBodiesAsync(MailboxSyncContext context, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var missing = await db.EmailDecisions.AsNoTracking()
            .Where(d => d.MailboxId == context.Run.MailboxId && d.Decision == Decision.Synced)
            .Where(d => !d.BodyDownloaded && d.ContentPurgedAt == null && d.RemovedAt == null)
            .Select(d => new BodyJob(d.Id, d.GraphMessageId))
            .ToListAsync(cancellationToken);
        context.Bodies.Enqueue(context.Run, missing);
    }

    private async Task<(Mailbox, OrgSettings)> LoadAsync(Guid mailboxId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var mailbox = await db.Mailboxes.AsNoTracking().SingleOrDefaultAsync(m => m.Id == mailboxId, cancellationToken)
            ?? throw new InvalidOperationException($"Mailbox {mailboxId} does not exist.");
        var settings = await db.OrgSettings.AsNoTracking().SingleAsync(
            s => s.Id == OrgSettings.SingletonId, cancellationToken);
        return (mailbox, settings);
    }

    private async Task<(BasisIndex, long, SyncedThreads)> LoadBasisAsync(
        Guid mailboxId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (basis, version) = await BasisLoader.LoadAsync(db, cancellationToken);
        var threads = new SyncedThreads();
        var synced = db.EmailDecisions.AsNoTracking()
            .Where(d => d.MailboxId == mailboxId && d.Decision == Decision.Synced)
            .Select(d => new { d.InternetMessageId, d.ConversationId })
            .AsAsyncEnumerable();
        await foreach (var email in synced.WithCancellation(cancellationToken))
        {
            threads.Add(email.InternetMessageId, email.ConversationId);
        }

        return (basis, version, threads);
    }

    private async Task DropCursorsAsync(Guid mailboxId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.DeltaCursors.Where(c => c.MailboxId == mailboxId).ExecuteDeleteAsync(cancellationToken);
    }
}
