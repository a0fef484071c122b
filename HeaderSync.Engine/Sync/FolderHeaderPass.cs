using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Relevance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Graph.Models.ODataErrors;
using Message = Microsoft.Graph.Models.Message;

namespace HeaderSync.Engine.Sync;

/// <summary>
/// The header pass of one folder: a delta round, page by page. Each page is decided from its
/// header fields and stored with the new cursor before the next page is asked for; the bodies
/// of synced emails go to the body pass as soon as their page is stored.
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
        run.FolderStarted();
        try
        {
            while (true)
            {
                var mode = await modeOfPage(cancellationToken);
                run.Mode = mode;
                var cursor = await LoadCursorAsync(run.MailboxId, folder, mode, cancellationToken);

                Microsoft.Graph.Users.Item.MailFolders.Item.Messages.Delta.DeltaGetResponse? page;
                var withSensitivity = run.SensitivityReadable;
                try
                {
                    page = await GraphRequests.DeltaPageAsync(
                        context, folder, mode, cursor?.Link, withSensitivity, cancellationToken);
                }
                catch (ODataError error) when (error.ResponseStatusCode == 410 && restarts++ < MaxRoundRestarts)
                {
                    // Graph lost the sync state: start the round again; the unique decision key
                    // keeps the replayed messages from being stored twice.
                    await DropCursorAsync(run.MailboxId, folder, mode, cancellationToken);
                    continue;
                }
                catch (ODataError error) when (error.ResponseStatusCode == 403 && cursor is null && withSensitivity)
                {
                    // Mail.ReadBasic refuses extended properties: go on without the sensitivity one.
                    run.SensitivityReadable = false;
                    run.AddWarning("Missing permission Mail.Read: the sensitivity property cannot be read; "
                        + "sensitivity is decided from the Sensitivity header only.");
                    continue;
                }

                var link = page?.OdataNextLink ?? page?.OdataDeltaLink
                    ?? throw new InvalidOperationException("A delta page came without a next or delta link.");
                await StorePageAsync(context, folder, mode, page!.Value ?? [], link, page.OdataNextLink is null,
                    cancellationToken);

                if (page.OdataNextLink is null)
                {
                    return;
                }
            }
        }
        finally
        {
            run.FolderFinished();
        }
    }

    private async Task StorePageAsync(
        MailboxSyncContext context, MailFolder folder, SyncMode mode, List<Message> messages,
        string link, bool roundComplete, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var removed = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<Message>(messages.Count);
        foreach (var message in messages)
        {
            if (message.Id is not { } id)
            {
                continue;
            }

            if (message.AdditionalData?.ContainsKey("@removed") == true)
            {
                removed.Add(id);
            }
            else if (seen.Add(id))
            {
                candidates.Add(message);
            }
        }

        var known = await KnownIdsAsync(run.MailboxId, seen, cancellationToken);
        var decisions = new List<EmailDecision>(candidates.Count);
        var now = time.GetUtcNow();
        foreach (var listed in candidates)
        {
            if (known.Contains(listed.Id!))
            {
                continue;
            }

            var message = IsSparse(listed)
                ? await GraphRequests.HeaderFieldsAsync(context, listed.Id!, run.SensitivityReadable, cancellationToken)
                : listed;
            var received = message?.ReceivedDateTime ?? message?.SentDateTime;
            if (message is null || received is null || received < context.HistoryStart)
            {
                continue;
            }

            decisions.Add(Decide(context, folder, mode, message, received.Value, now));
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

    private static EmailDecision Decide(
        MailboxSyncContext context, MailFolder folder, SyncMode mode, Message message,
        DateTimeOffset received, DateTimeOffset now)
    {
        var kind = folder == MailFolder.SentItems ? FolderKind.Sent : FolderKind.Inbox;
        var fields = GraphMessageHeaderFields.FromMessage(message, kind);
        var outcome = RelevanceDecider.Decide(fields, context.Basis, context.Threads);
        var decision = EmailRecords.NewDecision(
            context.Run.MailboxId, message.Id!, folder, received, fields, outcome, mode,
            context.BasisVersion, now);
        if (outcome.Decision != Decision.Synced)
        {
            // In standard mode the body came with the page; an ignored email's is dropped here.
            return decision;
        }

        context.Threads.Add(fields.InternetMessageId, fields.ConversationId);
        decision.Content = new EmailContent { Headers = EmailRecords.HeaderBlock(fields), DownloadedAt = now };
        if (mode == SyncMode.Standard && message.Body is { } body)
        {
            EmailRecords.SetBody(decision.Content, body);
            decision.BodyDownloaded = true;
        }

        return decision;
    }

    // Delta's later rounds may list an updated message with only id, isRead and parentFolderId.
    private static bool IsSparse(Message message) =>
        message.ReceivedDateTime is null && message.SentDateTime is null
        && message.InternetMessageId is null && message.From is null && message.Subject is null;

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
}
