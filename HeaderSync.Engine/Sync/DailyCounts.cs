using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Engine.Sync;

/// <summary>Keeps the per-day decision counts that outlive the ignored emails' review fields.</summary>
public static class DailyCounts
{
    public static async Task AddAsync(
        HeaderSyncDbContext db,
        Guid mailboxId,
        IEnumerable<(DateTimeOffset ReceivedAt, Decision Decision, DecisionReason Reason, int Delta)> changes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var grouped = changes
            .GroupBy(c => (Day: DateOnly.FromDateTime(c.ReceivedAt.UtcDateTime), c.Decision, c.Reason))
            .Select(g => (g.Key.Day, g.Key.Decision, g.Key.Reason, Delta: g.Sum(c => c.Delta)))
            .Where(g => g.Delta != 0)
            .ToList();
        if (grouped.Count == 0)
        {
            return;
        }

        var days = grouped.Select(g => g.Day).Distinct().ToList();
        var existing = await db.DailyDecisionCounts
            .Where(c => c.MailboxId == mailboxId && days.Contains(c.Day))
            .ToListAsync(cancellationToken);
        foreach (var (day, decision, reason, delta) in grouped)
        {
            var row = existing.FirstOrDefault(c => c.Day == day && c.Decision == decision && c.Reason == reason);
            if (row is null)
            {
                row = new DailyDecisionCount { MailboxId = mailboxId, Day = day, Decision = decision, Reason = reason };
                db.DailyDecisionCounts.Add(row);
                existing.Add(row);
            }

            row.Count = Math.Max(0, row.Count + delta);
        }
    }
}
