using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Graph;
using HeaderSync.Engine.Relevance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Graph.Models.ODataErrors;
using BodyType = Microsoft.Graph.Models.BodyType;
using ItemBody = Microsoft.Graph.Models.ItemBody;

namespace HeaderSync.Engine.Sync;

/// <summary>
/// The header pass of one folder: a delta round, page by page. Each page is decided from its
/// header fields and stored with the new cursor while the next page is being asked for; the
/// bodies of synced emails go to the body pass as soon as their page is stored.
/// </summary>
public sealed class FolderHeaderPass(
    IDbContextFactory<HeaderSyncDbContext> contextFactory, PageWriter writer, TimeProvider time)
{
    private const int MaxRoundRestarts = 3;

    /// <param name="modeOfPage">Read before every page: a switch takes effect at the next page.</param>
    public async Task RunAsync(
        MailboxSyncContext context,
        MailFolder folder,
        Func<CancellationToken, Task<SyncMode>> modeOfPage,
        CancellationToken cancellationToken)
    {
        var run = context.Run;
        var restarts = 0;
        NextPage? next = null;
        run.FolderStarted();
        try
        {
            while (true)
            {
                var mode = await modeOfPage(cancellationToken);
                run.Mode = mode;
                var withSensitivity = run.SensitivityReadable;

                DeltaPage page;
                var firstOfRound = false;
                try
                {
                    if (next is { } asked && asked.Mode == mode && asked.WithSensitivity == withSensitivity)
                    {
                        next = null;
                        using (asked.Stop)
                        {
                            page = await asked.Page;
                        }
                    }
                    else
                    {
                        // The mode switched since the next page was asked for: that page belongs
                        // to the other mode's round, whose cursor is where it left off.
                        await DiscardAsync(next);
                        next = null;
                        var cursor = await LoadCursorAsync(run.MailboxId, folder, mode, cancellationToken);
                        firstOfRound = cursor is null;
                        page = await GraphRequests.DeltaPageAsync(
                            context, folder, mode, cursor?.Link, withSensitivity, cancellationToken);
                    }
                }
                catch (ODataError error) when (error.ResponseStatusCode == 410 && restarts++ < MaxRoundRestarts)
                {
                    // Graph lost the sync state: start the round again; the unique decision key
                    // keeps the replayed messages from being stored twice.
                    await DropCursorAsync(run.MailboxId, folder, mode, cancellationToken);
                    continue;
                }
                catch (ODataError error) when (error.ResponseStatusCode == 403 && firstOfRound && withSensitivity)
                {
                    // Mail.ReadBasic refuses extended properties: go on without the sensitivity one.
                    run.SensitivityReadable = false;
                    run.AddWarning("Missing permission Mail.Read: the sensitivity property cannot be read; "
                        + "sensitivity is decided from the Sensitivity header only.");
                    continue;
                }

                using (page)
                {
                    var link = page.NextLink ?? page.DeltaLink
                        ?? throw new InvalidOperationException("A delta page came without a next or delta link.");

                    // The next page is asked for while this one is decided and stored: its
                    // request no longer waits for the database. Only a stored page moves the
                    // cursor, so a sync stopped here starts again from this page's link.
                    if (page.NextLink is { } nextLink)
                    {
                        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                        next = new NextPage(mode, withSensitivity, stop, GraphRequests.DeltaPageAsync(
                            context, folder, mode, nextLink, withSensitivity, stop.Token));
                    }

                    await StorePageAsync(context, folder, mode, page.Messages, link, page.NextLink is null,
                        cancellationToken);
                    if (page.NextLink is null)
                    {
                        return;
                    }
                }
            }
        }
        finally
        {
            await DiscardAsync(next);
            run.FolderFinished();
        }
    }

    // A page asked for and then not used: its request is stopped and its memory returned.
    private static async Task DiscardAsync(NextPage? next)
    {
        if (next is null)
        {
            return;
        }

        using var stop = next.Stop;
        await stop.CancelAsync();
        await next.Page.ContinueWith(
            asked =>
            {
                if (asked.IsCompletedSuccessfully)
                {
                    asked.Result.Dispose();
                }

                return asked.Exception;
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task StorePageAsync(
        MailboxSyncContext context, MailFolder folder, SyncMode mode, IReadOnlyList<DeltaMessage> messages,
        string link, bool roundComplete, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var kind = folder == MailFolder.SentItems ? FolderKind.Sent : FolderKind.Inbox;
        var removed = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<(string Id, DeltaMessage Message)>(messages.Count);
        foreach (var message in messages)
        {
            if (message.Id is not { } id)
            {
                continue;
            }

            if (message.IsRemoved)
            {
                removed.Add(id);
            }
            else if (seen.Add(id))
            {
                candidates.Add((id, message));
            }
        }

        var known = await KnownIdsAsync(run.MailboxId, seen, cancellationToken);
        var decisions = new List<EmailDecision>(candidates.Count);
        var now = time.GetUtcNow();
        foreach (var (id, listed) in candidates)
        {
            if (known.Contains(id))
            {
                continue;
            }

            var email = listed.IsSparse
                ? await ReadByIdAsync(context, id, kind, cancellationToken)
                : FromPage(id, listed, kind);
            if (email is null || email.Received < context.HistoryStart)
            {
                continue;
            }

            decisions.Add(Decide(context, folder, mode, email, now));
        }

        await writer.WriteAsync(context, folder, mode, decisions, removed, link, roundComplete, cancellationToken);

        run.Decided(candidates.Count, decisions);

        // Standard mode stored these bodies with the page: they count as downloaded too.
        var storedWithPage = decisions.Count(d => d.BodyDownloaded);
        if (storedWithPage > 0)
        {
            run.BodiesDone(storedWithPage, finished: 0);
        }

        context.Bodies.Enqueue(run, [.. decisions
            .Where(d => d.Decision == Decision.Synced && !d.BodyDownloaded)
            .Select(d => new BodyJob(d.Id, d.GraphMessageId))]);
    }

    private static ListedEmail? FromPage(string id, DeltaMessage message, FolderKind kind) =>
        (message.ReceivedDateTime ?? message.SentDateTime) is { } received
            ? new ListedEmail(id, received, message.Fields(kind), message.Body)
            : null;

    // A sparse item of a later round: its header fields read again by id, never its content.
    private static async Task<ListedEmail?> ReadByIdAsync(
        MailboxSyncContext context, string id, FolderKind kind, CancellationToken cancellationToken)
    {
        var message = await GraphRequests.HeaderFieldsAsync(
            context, id, context.Run.SensitivityReadable, cancellationToken);
        return message is not null && (message.ReceivedDateTime ?? message.SentDateTime) is { } received
            ? new ListedEmail(id, received, GraphMessageHeaderFields.FromMessage(message, kind), Body: null)
            : null;
    }

    private static EmailDecision Decide(
        MailboxSyncContext context, MailFolder folder, SyncMode mode, ListedEmail email, DateTimeOffset now)
    {
        var fields = email.Fields;
        var outcome = RelevanceDecider.Decide(fields, context.Basis, context.Threads);
        var decision = EmailRecords.NewDecision(
            context.Run.MailboxId, email.Id, folder, email.Received, fields, outcome, mode,
            context.BasisVersion, now);
        if (outcome.Decision != Decision.Synced)
        {
            // In standard mode the body came with the page; an ignored email's is dropped here.
            return decision;
        }

        context.Threads.Add(fields.InternetMessageId, fields.ConversationId);
        decision.Content = new EmailContent { Headers = EmailRecords.HeaderBlock(fields), DownloadedAt = now };
        if (mode == SyncMode.Standard && email.Body is { } body)
        {
            EmailRecords.SetBody(decision.Content, new ItemBody
            {
                ContentType = body.Html ? BodyType.Html : BodyType.Text,
                Content = body.Content,
            });
            decision.BodyDownloaded = true;
        }

        return decision;
    }

    // One email of a page, as its decision needs it.
    private sealed record ListedEmail(
        string Id, DateTimeOffset Received, HeaderFields Fields, (bool Html, string? Content)? Body);

    private async Task<HashSet<string>> KnownIdsAsync(
        Guid mailboxId, HashSet<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var known = await db.EmailDecisions
            .Where(d => d.MailboxId == mailboxId && ids.Contains(d.GraphMessageId))
            .Select(d => d.GraphMessageId)
            .ToListAsync(cancellationToken);
        return new HashSet<string>(known, StringComparer.Ordinal);
    }

    private async Task<DeltaCursor?> LoadCursorAsync(
        Guid mailboxId, MailFolder folder, SyncMode mode, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.DeltaCursors.AsNoTracking().SingleOrDefaultAsync(
            c => c.MailboxId == mailboxId && c.Folder == folder && c.Mode == mode, cancellationToken);
    }

    private async Task DropCursorAsync(
        Guid mailboxId, MailFolder folder, SyncMode mode, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.DeltaCursors
            .Where(c => c.MailboxId == mailboxId && c.Folder == folder && c.Mode == mode)
            .ExecuteDeleteAsync(cancellationToken);
    }

    private sealed record NextPage(SyncMode Mode, bool WithSensitivity, CancellationTokenSource Stop, Task<DeltaPage> Page);
}
