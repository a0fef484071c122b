using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Web.Overview;

/// <summary>The figures on the Overview page, read in one short database visit.</summary>
public sealed record OverviewFigures(
    int Mailboxes,
    int SyncedMailboxes,
    int NeedsAttention,
    long Synced,
    long Ignored,
    bool HeaderOnly,
    IReadOnlyList<(DateOnly Day, long Synced, long Ignored)> Days,
    IReadOnlyList<(Decision Decision, DecisionReason Reason, long Count)> Reasons,
    IReadOnlyList<MailboxEvidence> Evidence)
{
    public const int DaysShown = 30;

    public static async Task<OverviewFigures> ReadAsync(
        IDbContextFactory<HeaderSyncDbContext> contextFactory, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contextFactory);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        var mailboxes = await db.Mailboxes.AsNoTracking().Where(m => m.RemovedAt == null)
            .Select(m => new { m.Id, m.OwnerAddress, m.Provider, m.Status.State })
            .ToListAsync(cancellationToken);
        var counts = await db.DailyDecisionCounts.AsNoTracking()
            .GroupBy(c => new { c.Day, c.Decision, c.Reason })
            .Select(g => new { g.Key.Day, g.Key.Decision, g.Key.Reason, Count = g.Sum(c => (long)c.Count) })
            .ToListAsync(cancellationToken);
        var headerOnly = await db.OrgSettings.AsNoTracking()
            .Where(s => s.Id == OrgSettings.SingletonId)
            .Select(s => s.HeaderOnlySync)
            .FirstOrDefaultAsync(cancellationToken);
        var perMailbox = await db.EmailDecisions.AsNoTracking()
            .GroupBy(d => d.MailboxId)
            .Select(g => new
            {
                MailboxId = g.Key,
                Headers = g.Count(),
                Bodies = g.Count(d => d.BodyDownloaded),
                NeverRead = g.Count(d => d.Mode == SyncMode.HeaderOnly && d.Decision == Decision.Ignored),
            })
            .ToListAsync(cancellationToken);

        var first = today.AddDays(-(DaysShown - 1));
        var days = Enumerable.Range(0, DaysShown).Select(first.AddDays).Select(day => (
            day,
            counts.Where(c => c.Day == day && c.Decision == Decision.Synced).Sum(c => c.Count),
            counts.Where(c => c.Day == day && c.Decision == Decision.Ignored).Sum(c => c.Count))).ToList();
        var reasons = counts.GroupBy(c => (c.Decision, c.Reason))
            .Select(g => (g.Key.Decision, g.Key.Reason, g.Sum(c => c.Count)))
            .OrderByDescending(r => r.Item3)
            .ToList();
        var names = mailboxes.ToDictionary(m => m.Id, m => m.OwnerAddress);
        var evidence = perMailbox
            .Select(m => new MailboxEvidence(names.GetValueOrDefault(m.MailboxId, "?"), m.Headers, m.Bodies, m.NeverRead))
            .OrderBy(m => m.Mailbox, StringComparer.Ordinal)
            .ToList();

        return new OverviewFigures(
            mailboxes.Count,
            mailboxes.Count(m => m.Provider == EmailProvider.Office365OAuth),
            mailboxes.Count(m => m.State == MailboxState.NeedsAttention),
            counts.Where(c => c.Decision == Decision.Synced).Sum(c => c.Count),
            counts.Where(c => c.Decision == Decision.Ignored).Sum(c => c.Count),
            headerOnly,
            days,
            reasons,
            evidence);
    }
}
