using HeaderSync.Data.Audit;
using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Relevance;
using HeaderSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;
using ExclusionKind = HeaderSync.Data.Basis.ExclusionKind;

namespace HeaderSync.Engine.Basis;

/// <summary>
/// An admin's purge of what is stored of an excluded participant: every synced email they take
/// part in is decided again against the basis, which now excludes them, and becomes Ignored as
/// Excluded with its body and headers deleted. Its review fields stay, as for any email ignored
/// that way. Re-decision never demotes a synced email, so only this does; it is audited.
/// </summary>
public sealed class ExclusionPurge(IDbContextFactory<HeaderSyncDbContext> contextFactory, TimeProvider time)
{
    private const int Batch = 200;

    /// <summary>How many synced emails, across every mailbox, a purge of this exclusion would turn.</summary>
    public async Task<int> CountAsync(Exclusion exclusion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exclusion);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await SyncedWith(db, exclusion).CountAsync(cancellationToken);
    }

    /// <summary>Purges the synced emails of an exclusion already stored; returns how many were purged.</summary>
    public async Task<int> PurgeAsync(Exclusion exclusion, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exclusion);
        var now = time.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (basis, version) = await BasisLoader.LoadAsync(db, cancellationToken);

        var purged = 0;
        var mailboxes = new HashSet<Guid>();
        long after = 0;
        while (true)
        {
            var decisions = await SyncedWith(db, exclusion)
                .Where(d => d.Id > after)
                .Include(d => d.Participants)
                .Include(d => d.Content)
                .OrderBy(d => d.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (decisions.Count == 0)
            {
                break;
            }

            var counts = new List<(Guid Mailbox, DateTimeOffset ReceivedAt, Decision Decision, DecisionReason Reason, int Delta)>();
            foreach (var decision in decisions)
            {
                // The participants the email was decided on are enough: the Excluded rule reads
                // no header, and the basis read above holds the exclusion.
                var outcome = RelevanceDecider.Decide(EmailRecords.FieldsOf(decision), basis, threads: null);
                if (outcome.Reason != DecisionReason.Excluded)
                {
                    continue;
                }

                counts.Add((decision.MailboxId, decision.ReceivedAt, decision.Decision, decision.Reason, -1));
                counts.Add((decision.MailboxId, decision.ReceivedAt, outcome.Decision, outcome.Reason, 1));
                decision.Decision = outcome.Decision;
                decision.Reason = outcome.Reason;
                decision.Trace = EmailRecords.TraceJson(outcome.Trace);
                decision.DecidedAt = now;
                decision.BasisVersion = version;
                decision.BodyDownloaded = false;

                // Marked, so that removing the exclusion later never has the body fetched again.
                decision.ContentPurgedAt = now;
                if (decision.Content is not null)
                {
                    db.EmailContents.Remove(decision.Content);
                }

                mailboxes.Add(decision.MailboxId);
                purged++;
            }

            // One call per mailbox: a day's new count row must be added once, not once per email.
            foreach (var mailbox in counts.GroupBy(c => c.Mailbox))
            {
                await DailyCounts.AddAsync(db, mailbox.Key,
                    mailbox.Select(c => (c.ReceivedAt, c.Decision, c.Reason, c.Delta)), cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            after = decisions[^1].Id;
        }

        AuditTrail.Add(db, now, actor, "basis.exclusion.purged", exclusion.Value,
            after: new { Purged = purged, Mailboxes = mailboxes.Count });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return purged;
    }

    private static IQueryable<EmailDecision> SyncedWith(HeaderSyncDbContext db, Exclusion exclusion)
    {
        var synced = db.EmailDecisions.Where(d => d.Decision == Decision.Synced);
        if (exclusion.Kind == ExclusionKind.Address)
        {
            return synced.Where(d => d.Participants.Any(p => p.Address == exclusion.Value));
        }

        // Domains match by label suffix, as the Excluded rule matches them.
        var suffix = "." + exclusion.Value;
        return synced.Where(d => d.Participants.Any(p => p.Domain == exclusion.Value || p.Domain.EndsWith(suffix)));
    }
}
