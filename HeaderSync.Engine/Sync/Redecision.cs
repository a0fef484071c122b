using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Relevance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Graph.Models.ODataErrors;

namespace HeaderSync.Engine.Sync;

/// <summary>
/// Re-decides ignored emails when what decided them may have changed: the basis (before the
/// header pass) or the thread they belong to (after it). Only ever promotes Ignored to Synced;
/// never reads a body to do so.
/// </summary>
public sealed class Redecision(IDbContextFactory<HeaderSyncDbContext> contextFactory, TimeProvider time)
{
    private const int Batch = 200;
    private const int MaxThreadRounds = 5;

    // Sensitive and Automated do not depend on the basis: such emails stay as they are.
    private static readonly DecisionReason[] BasisReasons =
        [DecisionReason.NoProspect, DecisionReason.InternalOnly, DecisionReason.Excluded];

    /// <summary>Ignored emails decided against an older basis version.</summary>
    public async Task RedecideForBasisAsync(MailboxSyncContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        long after = 0;
        while (true)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var decisions = await db.EmailDecisions
                .Include(d => d.Participants)
                .Where(d => d.MailboxId == run.MailboxId && d.Decision == Decision.Ignored && d.Id > after)
                .Where(d => d.BasisVersion < context.BasisVersion && BasisReasons.Contains(d.Reason))
                .OrderBy(d => d.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (decisions.Count == 0)
            {
                return;
            }

            var promoted = new List<EmailDecision>();
            foreach (var decision in decisions)
            {
                var fields = await FieldsForRedecisionAsync(context, decision, cancellationToken);
                if (fields is not null)
                {
                    await ApplyAsync(db, context, decision, fields, promoted, cancellationToken);
                }

                decision.BasisVersion = context.BasisVersion;
            }

            await SaveAndQueueAsync(db, context, promoted, cancellationToken);
            after = decisions[^1].Id;
        }
    }

    /// <summary>Emails ignored as NoProspect whose thread now reaches a synced email.</summary>
    public async Task RedecideThreadsAsync(MailboxSyncContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        for (var round = 0; round < MaxThreadRounds; round++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var candidates = await db.EmailDecisions.AsNoTracking()
                .Where(d => d.MailboxId == run.MailboxId && d.Decision == Decision.Ignored
                    && d.Reason == DecisionReason.NoProspect && d.ReviewClearedAt == null)
                .Select(d => new { d.Id, d.ConversationId, d.ThreadMessageIds })
                .ToListAsync(cancellationToken);
            var reached = candidates
                .Where(c => (c.ConversationId is { } conversation && context.Threads.HasSyncedConversation(conversation))
                    || (c.ThreadMessageIds?.Split(' ').Any(context.Threads.HasSyncedMessage) ?? false))
                .Select(c => c.Id)
                .ToList();
            if (reached.Count == 0)
            {
                return;
            }

            var promoted = new List<EmailDecision>();
            foreach (var chunk in reached.Chunk(Batch))
            {
                var decisions = await db.EmailDecisions.Include(d => d.Participants)
                    .Where(d => chunk.Contains(d.Id))
                    .ToListAsync(cancellationToken);
                foreach (var decision in decisions)
                {
                    await ApplyAsync(db, context, decision, EmailRecords.FieldsOf(decision), promoted, cancellationToken);
                }
            }

            await SaveAndQueueAsync(db, context, promoted, cancellationToken);
            if (promoted.Count == 0)
            {
                return;
            }
        }
    }

    // A NoProspect email passed every rule before the basis ones: its stored participants are
    // enough. Any other needs its header fields again, read by id, never its body.
    private static async Task<HeaderFields?> FieldsForRedecisionAsync(
        MailboxSyncContext context, EmailDecision decision, CancellationToken cancellationToken)
    {
        if (decision.Reason == DecisionReason.NoProspect && decision.ReviewClearedAt is null)
        {
            return EmailRecords.FieldsOf(decision);
        }

        try
        {
            var message = await GraphRequests.HeaderFieldsAsync(
                context, decision.GraphMessageId, context.Run.SensitivityReadable, cancellationToken);
            var folder = decision.Folder == MailFolder.SentItems ? FolderKind.Sent : FolderKind.Inbox;
            return message is null ? null : GraphMessageHeaderFields.FromMessage(message, folder);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            return null;
        }
    }

    private async Task ApplyAsync(
        HeaderSyncDbContext db, MailboxSyncContext context, EmailDecision decision, HeaderFields fields,
        List<EmailDecision> promoted, CancellationToken cancellationToken)
    {
        var outcome = RelevanceDecider.Decide(fields, context.Basis, context.Threads);
        if (outcome.Decision == Decision.Ignored && outcome.Reason == decision.Reason)
        {
            return;
        }

        await DailyCounts.AddAsync(db, decision.MailboxId,
            [
                (decision.ReceivedAt, decision.Decision, decision.Reason, -1),
                (decision.ReceivedAt, outcome.Decision, outcome.Reason, 1),
            ],
            cancellationToken);
        decision.Decision = outcome.Decision;
        decision.Reason = outcome.Reason;
        decision.DecidedAt = time.GetUtcNow();

        // A still-ignored email past its review time keeps no trace: it names participants.
        decision.Trace = outcome.Decision == Decision.Ignored && decision.ReviewClearedAt is not null
            ? null
            : EmailRecords.TraceJson(outcome.Trace);
        if (outcome.Decision == Decision.Synced)
        {
            if (decision.ReviewClearedAt is not null)
            {
                EmailRecords.RestoreReviewFields(decision, fields);
            }

            // A purge deleted its body and headers for good: neither is stored again.
            if (decision.ContentPurgedAt is null)
            {
                decision.Content ??= new EmailContent { Headers = EmailRecords.HeaderBlock(fields) };
            }

            context.Threads.Add(decision.InternetMessageId, decision.ConversationId);
            promoted.Add(decision);
        }
    }

    private static async Task SaveAndQueueAsync(
        HeaderSyncDbContext db, MailboxSyncContext context, List<EmailDecision> promoted,
        CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        if (promoted.Count == 0)
        {
            return;
        }

        context.Run.Promoted(promoted);
        context.Bodies.Enqueue(context.Run, [.. promoted
            .Where(d => d.ContentPurgedAt is null)
            .Select(d => new BodyJob(d.Id, d.GraphMessageId))]);
    }
}
