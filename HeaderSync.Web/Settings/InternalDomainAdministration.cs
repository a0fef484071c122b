using HeaderSync.Data.Audit;
using HeaderSync.Data.Basis;
using HeaderSync.Data.Database;
using HeaderSync.Engine.Basis;
using HeaderSync.Engine.Enrolment;
using HeaderSync.Engine.Relevance;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Web.Settings;

/// <summary>
/// The organisation's internal domains: those verified in the tenant (read from Microsoft 365,
/// not editable here) and those admins add. Every change bumps the basis version and is audited.
/// </summary>
public sealed class InternalDomainAdministration(
    IDbContextFactory<HeaderSyncDbContext> contextFactory, TenantEnrolment enrolment, TimeProvider time)
{
    public async Task<IReadOnlyList<InternalDomain>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.InternalDomains.AsNoTracking()
            .OrderBy(d => d.Source == InternalDomainSource.Admin).ThenBy(d => d.Domain)
            .ToListAsync(cancellationToken);
    }

    public async Task<BasisChangeResult> AddAsync(string? text, string actor, CancellationToken cancellationToken)
    {
        if (!DomainNames.TryNormalize(text?.Trim(), out var domain, out var error))
        {
            return BasisChangeResult.Refused($"'{text?.Trim()}' is not a domain: {error}");
        }

        // Every colleague would be a free-mail user's colleague: emails with them would look internal.
        if (FreeMailDomains.Contains(domain))
        {
            return BasisChangeResult.Refused($"{domain} is a free-mail domain and cannot be an internal domain.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.InternalDomains.AnyAsync(d => d.Domain == domain, cancellationToken))
        {
            return BasisChangeResult.Refused($"{domain} is already an internal domain.");
        }

        var now = time.GetUtcNow();
        db.InternalDomains.Add(new InternalDomain
        {
            Domain = domain, Source = InternalDomainSource.Admin, AddedAt = now, AddedBy = actor,
        });
        AuditTrail.Add(db, now, actor, "basis.internal-domain.added", domain);
        await BasisVersions.BumpAsync(db, now, actor, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return BasisChangeResult.Refused($"{domain} is already an internal domain.");
        }

        return BasisChangeResult.Done;
    }

    /// <summary>Removes a domain an admin added; verified domains stay while the tenant verifies them.</summary>
    public async Task RemoveAsync(int id, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var domain = await db.InternalDomains.SingleOrDefaultAsync(
            d => d.Id == id && d.Source == InternalDomainSource.Admin, cancellationToken);
        if (domain is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        db.InternalDomains.Remove(domain);
        AuditTrail.Add(db, now, actor, "basis.internal-domain.removed", domain.Domain);
        await BasisVersions.BumpAsync(db, now, actor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Reads the tenant's verified domains from Microsoft 365 again; returns how many are new.</summary>
    public Task<int> RefreshVerifiedAsync(string actor, CancellationToken cancellationToken) =>
        enrolment.ImportVerifiedDomainsAsync(actor, cancellationToken);
}
