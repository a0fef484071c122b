using System.Linq.Expressions;
using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Web.Review;

/// <summary>
/// The review query: decisions filtered by mailbox, decision, reason, participant and dates,
/// in the grid's order, keyset-paged on (sort key, received, id) so every page costs the same
/// however deep. A sort by mailbox, decision or reason walks its groups (few: the mailboxes,
/// the tokens) in order and reads each newest first through the (key, received, id) indexes,
/// so the database never sorts the matching decisions.
/// </summary>
public sealed class ReviewQuery(IDbContextFactory<HeaderSyncDbContext> contextFactory)
{
    public const int PageSize = 50;
    public const int CountCap = 10_000;

    public async Task<ReviewRows> PageAsync(
        ReviewFilter filter, ReviewSort sort, ReviewCursor? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(sort);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var names = await db.Mailboxes.AsNoTracking()
            .ToDictionaryAsync(m => m.Id, m => m.OwnerAddress, cancellationToken);

        // One row more than a page tells whether another page follows.
        var found = new List<Found>();
        foreach (var group in Groups(filter, sort, names).Where(g => !Passed(g.Value, after, sort)))
        {
            var continuing = after is not null && group.Value == after.Group;
            found.AddRange(await Project(InGroup(db, filter, sort, group, continuing ? after : null))
                .Take(PageSize + 1 - found.Count)
                .ToListAsync(cancellationToken));
            if (found.Count > PageSize)
            {
                break;
            }
        }

        var more = found.Count > PageSize;
        found = found[..Math.Min(found.Count, PageSize)];

        // Participants come in a second query, so the page's own query stays an index walk.
        var ids = found.Select(d => d.Id).ToList();
        var participants = (await db.EmailParticipants.AsNoTracking()
                .Where(p => ids.Contains(p.EmailDecisionId))
                .Select(p => new { p.EmailDecisionId, p.Role, p.Address })
                .ToListAsync(cancellationToken))
            .OrderBy(p => p.Role)
            .ToLookup(p => p.EmailDecisionId, p => p.Address);
        var rows = found.Select(d => d.ToRow(names, participants[d.Id])).ToList();
        if (!more)
        {
            return new ReviewRows(rows, Next: null);
        }

        var last = rows[^1];
        return new ReviewRows(rows, new ReviewCursor(GroupOf(last, sort.Key), last.ReceivedAt, last.Id));
    }

    /// <summary>How many decisions match, counted up to the cap ("10,000+" above it).</summary>
    public async Task<int> CountAsync(ReviewFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Filtered(db, filter).Take(CountCap + 1).CountAsync(cancellationToken);
    }

    private static string GroupOf(ReviewRow row, ReviewSortKey key) => key switch
    {
        ReviewSortKey.Mailbox => row.Mailbox,
        ReviewSortKey.Decision => row.Decision.ToString(),
        ReviewSortKey.Reason => row.Reason.ToString(),
        _ => "",
    };

    // The groups of the sort in order, narrowed by the filter where it names one.
    private static IEnumerable<Group> Groups(
        ReviewFilter filter, ReviewSort sort, Dictionary<Guid, string> mailboxes)
    {
        IEnumerable<Group> groups = sort.Key switch
        {
            ReviewSortKey.Mailbox => mailboxes
                .Where(m => filter.MailboxId is null || filter.MailboxId == m.Key)
                .Select(m => new Group(m.Value, MailboxIs(m.Key))),
            ReviewSortKey.Decision => Enum.GetValues<Decision>()
                .Where(d => filter.Decision is null || filter.Decision == d)
                .Select(d => new Group(d.ToString(), DecisionIs(d))),
            ReviewSortKey.Reason => Enum.GetValues<DecisionReason>()
                .Where(r => filter.Reason is null || filter.Reason == r)
                .Select(r => new Group(r.ToString(), ReasonIs(r))),
            _ => [new Group("", Match: null)],
        };
        return sort.Descending
            ? groups.OrderByDescending(g => g.Value, StringComparer.Ordinal)
            : groups.OrderBy(g => g.Value, StringComparer.Ordinal);
    }

    // Whole groups before the cursor's are behind us; a group the cursor names continues.
    private static bool Passed(string group, ReviewCursor? after, ReviewSort sort)
    {
        if (after is null)
        {
            return false;
        }

        var order = string.CompareOrdinal(group, after.Group);
        return sort.Descending ? order > 0 : order < 0;
    }

    private static IQueryable<EmailDecision> InGroup(
        HeaderSyncDbContext db, ReviewFilter filter, ReviewSort sort, Group group, ReviewCursor? after)
    {
        var query = Filtered(db, filter);
        if (group.Match is { } match)
        {
            query = query.Where(match);
        }

        var newestFirst = sort.Key != ReviewSortKey.Received || sort.Descending;
        if (after is not null)
        {
            var (at, id) = (after.ReceivedAt, after.Id);
            query = newestFirst
                ? query.Where(d => d.ReceivedAt < at || (d.ReceivedAt == at && d.Id < id))
                : query.Where(d => d.ReceivedAt > at || (d.ReceivedAt == at && d.Id > id));
        }

        return newestFirst
            ? query.OrderByDescending(d => d.ReceivedAt).ThenByDescending(d => d.Id)
            : query.OrderBy(d => d.ReceivedAt).ThenBy(d => d.Id);
    }

    private static IQueryable<Found> Project(IQueryable<EmailDecision> query) => query.Select(d => new Found(
        d.Id, d.MailboxId, d.Folder, d.Direction, d.ReceivedAt, d.Subject, d.Decision, d.Reason, d.Mode,
        d.BodyDownloaded));

    private static Expression<Func<EmailDecision, bool>> MailboxIs(Guid id) => d => d.MailboxId == id;

    private static Expression<Func<EmailDecision, bool>> DecisionIs(Decision decision) => d => d.Decision == decision;

    private static Expression<Func<EmailDecision, bool>> ReasonIs(DecisionReason reason) => d => d.Reason == reason;

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

    private sealed record Group(string Value, Expression<Func<EmailDecision, bool>>? Match);

    private sealed record Found(
        long Id, Guid MailboxId, Data.Mailboxes.MailFolder Folder, EmailDirection Direction,
        DateTimeOffset ReceivedAt, string? Subject, Decision Decision, DecisionReason Reason, SyncMode Mode,
        bool BodyDownloaded)
    {
        public ReviewRow ToRow(Dictionary<Guid, string> names, IEnumerable<string> participants) => new(
            Id, names.GetValueOrDefault(MailboxId, "?"), Folder, Direction, ReceivedAt,
            string.Join(", ", participants.Distinct(StringComparer.Ordinal)), Subject, Decision, Reason,
            Mode, BodyDownloaded);
    }
}
