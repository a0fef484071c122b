using HeaderSync.Data.Basis;
using HeaderSync.Data.Database;
using HeaderSync.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Engine.Basis;

/// <summary>Reads the stored basis and indexes it for deciding.</summary>
public static class BasisLoader
{
    public static async Task<(BasisIndex Index, long Version)> LoadAsync(
        HeaderSyncDbContext db, CancellationToken cancellationToken)
    {
        var stored = await ReadAsync(db, cancellationToken);
        return (BasisIndex.Create(stored.Basis), stored.Version);
    }

    /// <summary>The basis as stored, before indexing: for trying changes on a copy of it.</summary>
    public static async Task<StoredBasis> ReadAsync(HeaderSyncDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);

        var version = await db.BasisStates.AsNoTracking().Select(b => b.Version).SingleAsync(cancellationToken);
        var accountDomainMatching = await db.OrgSettings.AsNoTracking()
            .Where(s => s.Id == OrgSettings.SingletonId)
            .Select(s => s.AccountDomainMatching)
            .SingleAsync(cancellationToken);
        var prospects = await db.Prospects.AsNoTracking()
            .Select(p => new Prospect(p.Email, p.Name, p.Company, p.AccountDomain))
            .ToListAsync(cancellationToken);
        var internalDomains = await db.InternalDomains.AsNoTracking()
            .Select(d => new { d.Domain, d.Source })
            .ToListAsync(cancellationToken);
        var exclusions = await db.Exclusions.AsNoTracking()
            .Select(e => new { e.Kind, e.Value })
            .ToListAsync(cancellationToken);

        var basis = new RelevanceBasis
        {
            Prospects = prospects,
            InternalDomains = [.. internalDomains.Select(d => d.Domain)],
            Exclusions = [.. exclusions.Select(e => new Exclusion(e.Kind, e.Value))],
            AccountDomainMatching = accountDomainMatching,
        };
        var verified = internalDomains
            .Where(d => d.Source == InternalDomainSource.Verified)
            .Select(d => d.Domain)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new StoredBasis(basis, verified, version);
    }
}
