using System.Threading.Channels;
using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Graph.Models.ODataErrors;
using ItemBody = Microsoft.Graph.Models.ItemBody;

namespace HeaderSync.Engine.Sync;

/// <summary>
/// The body pass: fetches the content of synced emails as the header pass hands them over,
/// within the mailbox's four concurrent requests, and stores the bodies in batches.
/// </summary>
public sealed class BodyPass(
    IDbContextFactory<HeaderSyncDbContext> contextFactory, WriterTurns turns, TimeProvider time)
{
    // With both folders' header passes in flight this fills the mailbox's four request slots.
    private const int Fetchers = 4;
    private const int MaxBatch = 100;
    private static readonly TimeSpan GatherWindow = TimeSpan.FromMilliseconds(250);

    public async Task RunAsync(MailboxSyncContext context, CancellationToken cancellationToken)
    {
        var fetched = Channel.CreateUnbounded<(BodyJob Job, ItemBody? Body)>(
            new UnboundedChannelOptions { SingleReader = true });
        var store = StoreAsync(context, fetched.Reader, cancellationToken);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Fetchers)
                .Select(_ => FetchAsync(context, fetched.Writer, cancellationToken)));
        }
        finally
        {
            fetched.Writer.TryComplete();
        }

        await store;
    }

    private static async Task FetchAsync(
        MailboxSyncContext context, ChannelWriter<(BodyJob, ItemBody?)> fetched, CancellationToken cancellationToken)
    {
        var run = context.Run;
        await foreach (var job in context.Bodies.Reader.ReadAllAsync(cancellationToken))
        {
            ItemBody? body = null;
            if (run.BodiesReadable)
            {
                try
                {
                    body = (await GraphRequests.BodyAsync(context, job.GraphMessageId, cancellationToken))?.Body;
                }
                catch (ODataError error) when (error.ResponseStatusCode == 403)
                {
                    // The decision stays Synced; the body waits for the permission.
                    run.BodiesReadable = false;
                    run.AddWarning("Missing permission Mail.Read: synced emails are kept without their bodies.");
                }
                catch (ODataError error) when (error.ResponseStatusCode == 404)
                {
                    // Deleted since it was listed: nothing to fetch.
                }
            }

            await fetched.WriteAsync((job, body), cancellationToken);
        }
    }

    private async Task StoreAsync(
        MailboxSyncContext context, ChannelReader<(BodyJob Job, ItemBody? Body)> fetched,
        CancellationToken cancellationToken)
    {
        var batch = new List<(BodyJob Job, ItemBody? Body)>(MaxBatch);
        while (await fetched.WaitToReadAsync(cancellationToken))
        {
            await GatherAsync(fetched, batch, cancellationToken);
            var downloaded = await StoreBatchAsync(batch, cancellationToken);
            context.Run.BodiesDone(downloaded, batch.Count);
            batch.Clear();
        }
    }

    // Bodies arrive one request at a time: gathering them for a moment turns a write per body
    // into a write per batch, which is what keeps the database's single writer free for the
    // header pass's pages.
    private static async Task GatherAsync(
        ChannelReader<(BodyJob Job, ItemBody? Body)> fetched, List<(BodyJob Job, ItemBody? Body)> batch,
        CancellationToken cancellationToken)
    {
        // Real time, not the tenant's clock: the window paces writes, it means nothing to the mail.
        using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        window.CancelAfter(GatherWindow);
        try
        {
            do
            {
                while (batch.Count < MaxBatch && fetched.TryRead(out var item))
                {
                    batch.Add(item);
                }
            }
            while (batch.Count < MaxBatch && await fetched.WaitToReadAsync(window.Token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The window closed: store what came.
        }
    }

    private async Task<int> StoreBatchAsync(
        List<(BodyJob Job, ItemBody? Body)> batch, CancellationToken cancellationToken)
    {
        var bodies = batch.Where(b => b.Body is not null).ToDictionary(b => b.Job.DecisionId, b => b.Body!);
        if (bodies.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ids = bodies.Keys.ToList();
        var decisions = await db.EmailDecisions
            .Include(d => d.Content)
            .Where(d => ids.Contains(d.Id) && d.Decision == Decision.Synced && d.ContentPurgedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var decision in decisions)
        {
            decision.Content ??= new EmailContent();
            EmailRecords.SetBody(decision.Content, bodies[decision.Id]);
            decision.Content.DownloadedAt = now;
            decision.BodyDownloaded = true;
        }

        using var turn = await turns.TakeAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return decisions.Count;
    }
}
