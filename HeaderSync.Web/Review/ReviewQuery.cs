using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Web.Review;

/// <summary>
/// The review query: decisions filtered by mailbox, decision, reason, participant and dates,
/// newest first, keyset-paged on (received, id) so every page costs the same however deep.
/// </summary>
public sealed class ReviewQuery(IDbContextFactory<HeaderSyncDbContext> contextFactory)
{
    public const int PageSize = 50;
    public const int CountCap = 10_000;

    public async Task<IReadOnlyList<ReviewRow>> PageAsync(
        ReviewFilter filter, (DateTimeOffset ReceivedAt, long Id)? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, filter);
        if (after is { } key)
        {
            query = query.Where(d => d.ReceivedAt < key.ReceivedAt || (d.ReceivedAt == key.ReceivedAt && d.Id < key.Id));
        }

        var page = await query.OrderByDescending(d => d.ReceivedAt).ThenByDescending(d => d.Id)
            .Take(PageSize)
            .Select(d => new
            {
                d.Id, d.MailboxId, d.Folder, d.Direction, d.ReceivedAt, d.Subject, d.Decision, d.Reason, d.Mode,
                d.BodyDownloaded,
                Participants = d.Participants.OrderBy(p => p.Role).Select(p => p.Address).ToList(),
            })
            .ToListAsync(cancellationToken);
        var mailboxIds = page.Select(p => p.MailboxId).Distinct().ToList();
        var names = await db.Mailboxes.AsNoTracking().Where(m => mailboxIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.OwnerAddress, cancellationToken);
        return [.. page.Select(d => new ReviewRow(
            d.Id, names.GetValueOrDefault(d.MailboxId, "?"), d.Folder, d.Direction, d.ReceivedAt,
            string.Join(", ", d.Participants.Distinct(StringComparer.Ordinal)), d.Subject, d.Decision, d.Reason,
            d.Mode, d.BodyDownloaded))];
    }

    /// <summary>How many decisions match, counted up to the cap ("10,000+" above it).</summary>
    public async Task<int> CountAsync(ReviewFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Filtered(db, filter).Take(CountCap + 1).CountAsync(cancellationToken);
    }

    private static IQueryable<EmailDecision> Filtered(HeaderSyncDbContext db, ReviewFilter filter)
    {
        var query = db.EmailDecisions.AsNoTracking();
        if (filter.MailboxId is { } mailbox)
        {
            query = query.Where(d => d.MailboxId == mailbox);
        }

        if (filter.Decision is { } decision)
        {
            query = query.Where(d => d.Decision == decision);
        }

        if (filter.Reason is { } reason)
        {
            query = query.Where(d => d.Reason == reason);
        }

        if (!string.IsNullOrWhiteSpace(filter.Participant))
        {
            // An exact address, or a domain (with or without a leading @).
            var participant = filter.Participant.Trim().TrimStart('@').ToLowerInvariant();
            query = participant.Contains('@', StringComparison.Ordinal)
                ? query.Where(d => d.Participants.Any(p => p.Address == participant))
                : query.Where(d => d.Participants.Any(p => p.Domain == participant));
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(d => d.ReceivedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(d => d.ReceivedAt < end);
        }

        return query;
    }
}
