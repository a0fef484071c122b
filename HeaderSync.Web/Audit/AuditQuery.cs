using HeaderSync.Data.Audit;
using HeaderSync.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Web.Audit;

/// <summary>One page of the audit trail, newest first, keyset-paged on (time, id).</summary>
public sealed record AuditQuery(string? Actor, string? Action, DateOnly? From, DateOnly? To)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<AuditEvent>> PageAsync(
        IDbContextFactory<HeaderSyncDbContext> contextFactory, AuditEvent? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contextFactory);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            query = query.Where(a => a.Actor == Actor.Trim());
        }

        if (!string.IsNullOrWhiteSpace(Action))
        {
            // Kinds are dotted ("mailbox.resync.full"): a prefix selects a family.
            var kind = Action.Trim();
            query = query.Where(a => a.Action == kind || a.Action.StartsWith(kind + "."));
        }

        if (From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At >= start);
        }

        if (To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At < end);
        }

        if (after is not null)
        {
            query = query.Where(a => a.At < after.At || (a.At == after.At && a.Id < after.Id));
        }

        return await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
    }
}
