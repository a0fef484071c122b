using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Web.Overview;

/// <summary>The figures on the Overview page, read in one short database visit.</summary>
public sealed record OverviewFigures(
    int Mailboxes, int SyncedMailboxes, int NeedsAttention, long Synced, long Ignored, bool HeaderOnly)
{
    public static async Task<OverviewFigures> ReadAsync(
        IDbContextFactory<HeaderSyncDbContext> contextFactory, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        var mailboxes = await db.Mailboxes.AsNoTracking()
            .Select(m => new { m.Provider, m.Status.State })
            .ToListAsync(cancellationToken);
        var counts = await db.DailyDecisionCounts.AsNoTracking()
            .GroupBy(c => c.Decision)
            .Select(g => new { Decision = g.Key, Count = g.Sum(c => (long)c.Count) })
            .ToListAsync(cancellationToken);
        var headerOnly = await db.OrgSettings.AsNoTracking()
            .Where(s => s.Id == OrgSettings.SingletonId)
            .Select(s => s.HeaderOnlySync)
            .FirstOrDefaultAsync(cancellationToken);

        return new OverviewFigures(
            mailboxes.Count,
            mailboxes.Count(m => m.Provider == EmailProvider.Office365OAuth),
            mailboxes.Count(m => m.State == MailboxState.NeedsAttention),
            counts.Where(c => c.Decision == Decision.Synced).Sum(c => c.Count),
            counts.Where(c => c.Decision == Decision.Ignored).Sum(c => c.Count),
            headerOnly);
    }
}
