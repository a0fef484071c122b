using HeaderSync.Data.Audit;
using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HeaderSync.Engine.Retention;

/// <summary>
/// Applies the org's retention settings: after <c>ReviewRetentionDays</c> an ignored email keeps
/// only its decision row (participants, subject, thread ids and trace go); after
/// <c>ContentRetentionDays</c>, when set, a synced email's body and headers go and it is marked
/// so that no pass fetches them again. Works in small batches, each its own short transaction,
/// so a large database is never locked for long; the daily counts are left as they are.
/// </summary>
public sealed class RetentionSweep(
    IDbContextFactory<HeaderSyncDbContext> contextFactory, TimeProvider time, ILogger<RetentionSweep> logger)
{
    public const string Actor = "system";
    public const string AuditAction = "retention.applied";

    internal const int BatchSize = 500;

    public async Task<RetentionResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (reviewDays, contentDays) = await SettingsAsync(cancellationToken);

        var cleared = await ClearReviewFieldsAsync(now.AddDays(-reviewDays), now, cancellationToken);
        var purged = contentDays is { } days
            ? await PurgeContentAsync(now.AddDays(-days), now, cancellationToken)
            : 0;

        var result = new RetentionResult(cleared, purged);
        if (cleared + purged > 0)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            AuditTrail.Add(db, now, Actor, AuditAction, null, after: new
            {
                result.ReviewFieldsCleared,
                result.ContentPurged,
                ReviewRetentionDays = reviewDays,
                ContentRetentionDays = contentDays,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        RetentionLog.Applied(logger, cleared, purged);
        return result;
    }

    private async Task<int> ClearReviewFieldsAsync(
        DateTimeOffset decidedBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = await db.EmailDecisions
                .Where(d => d.Decision == Decision.Ignored && d.ReviewClearedAt == null && d.DecidedAt < decidedBefore)
                .OrderBy(d => d.Id)
                .Select(d => d.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return total;
            }

            // Re-checked in the statements themselves: a re-decision may promote one meanwhile.
            var batch = db.EmailDecisions.Where(d => ids.Contains(d.Id) && d.Decision == Decision.Ignored);
            await db.EmailParticipants
                .Where(p => batch.Any(d => d.Id == p.EmailDecisionId))
                .ExecuteDeleteAsync(cancellationToken);
            total += await batch.ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Subject, (string?)null)
                .SetProperty(d => d.Trace, (string?)null)
                .SetProperty(d => d.ThreadMessageIds, (string?)null)
                .SetProperty(d => d.ReviewClearedAt, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task<int> PurgeContentAsync(
        DateTimeOffset decidedBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = await db.EmailDecisions
                .Where(d => d.Decision == Decision.Synced && d.ContentPurgedAt == null && d.DecidedAt < decidedBefore)
                .OrderBy(d => d.Id)
                .Select(d => d.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return total;
            }

            await db.EmailContents
                .Where(c => ids.Contains(c.EmailDecisionId))
                .ExecuteDeleteAsync(cancellationToken);

            // A body not fetched yet is past its time too: marked, it is never fetched at all.
            total += await db.EmailDecisions
                .Where(d => ids.Contains(d.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.ContentPurgedAt, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task<(int ReviewDays, int? ContentDays)> SettingsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.OrgSettings.AsNoTracking()
            .Where(s => s.Id == OrgSettings.SingletonId)
            .Select(s => new { s.ReviewRetentionDays, s.ContentRetentionDays })
            .SingleAsync(cancellationToken);
        return (settings.ReviewRetentionDays, settings.ContentRetentionDays);
    }
}
