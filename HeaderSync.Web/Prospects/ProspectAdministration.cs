using HeaderSync.Data.Audit;
using HeaderSync.Data.Basis;
using HeaderSync.Data.Database;
using HeaderSync.Engine.Basis;
using Microsoft.EntityFrameworkCore;
using StoredProspect = HeaderSync.Data.Basis.Prospect;

namespace HeaderSync.Web.Prospects;

/// <summary>
/// What admins do to prospects from the Prospects page. Every change bumps the basis version,
/// so the next sync re-decides, and is audited with what it changed.
/// </summary>
public sealed class ProspectAdministration(IDbContextFactory<HeaderSyncDbContext> contextFactory, TimeProvider time)
{
    /// <summary>Prospects whose address, name, company or account domain contains the text, by address.</summary>
    public async Task<ProspectPage> SearchAsync(string? text, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Prospects.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{EscapeLike(text.Trim())}%";
            query = query.Where(p => EF.Functions.Like(p.Email, pattern, "\\")
                || EF.Functions.Like(p.Name!, pattern, "\\")
                || EF.Functions.Like(p.Company!, pattern, "\\")
                || EF.Functions.Like(p.AccountDomain!, pattern, "\\"));
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderBy(p => p.Email).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return new ProspectPage(page, total);
    }

    public async Task<ProspectSaveResult> AddAsync(ProspectDraft draft, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!TryCheck(draft, out var prospect, out var refusal))
        {
            return refusal;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Prospects.AnyAsync(p => p.Email == prospect.Address, cancellationToken))
        {
            return ProspectSaveResult.Refused($"{prospect.Address} is already a prospect.");
        }

        var now = time.GetUtcNow();
        db.Prospects.Add(new StoredProspect
        {
            Email = prospect.Address,
            Name = prospect.Name,
            Company = prospect.Company,
            AccountDomain = prospect.AccountDomain,
            CreatedAt = now,
            UpdatedAt = now,
        });
        AuditTrail.Add(db, now, actor, "basis.prospect.added", prospect.Address, after: prospect);
        await BasisVersions.BumpAsync(db, now, actor, cancellationToken);
        return await SaveAsync(db, prospect.Address, cancellationToken);
    }

    public async Task<ProspectSaveResult> UpdateAsync(
        int id, ProspectDraft draft, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!TryCheck(draft, out var prospect, out var refusal))
        {
            return refusal;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Prospects.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (row is null)
        {
            return ProspectSaveResult.Refused("This prospect was deleted meanwhile.");
        }

        if (await db.Prospects.AnyAsync(p => p.Id != id && p.Email == prospect.Address, cancellationToken))
        {
            return ProspectSaveResult.Refused($"{prospect.Address} is already a prospect.");
        }

        var before = new Engine.Basis.Prospect(row.Email, row.Name, row.Company, row.AccountDomain);
        if (before == prospect)
        {
            return ProspectSaveResult.Done;
        }

        var now = time.GetUtcNow();
        row.Email = prospect.Address;
        row.Name = prospect.Name;
        row.Company = prospect.Company;
        row.AccountDomain = prospect.AccountDomain;
        row.UpdatedAt = now;
        AuditTrail.Add(db, now, actor, "basis.prospect.updated", prospect.Address, before, prospect);
        await BasisVersions.BumpAsync(db, now, actor, cancellationToken);
        return await SaveAsync(db, prospect.Address, cancellationToken);
    }

    public async Task DeleteAsync(int id, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Prospects.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (row is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        db.Prospects.Remove(row);
        AuditTrail.Add(db, now, actor, "basis.prospect.deleted", row.Email,
            before: new Engine.Basis.Prospect(row.Email, row.Name, row.Company, row.AccountDomain));
        await BasisVersions.BumpAsync(db, now, actor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every prospect as CSV, streamed by address; the export is audited.</summary>
    public async Task ExportAsync(TextWriter writer, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var prospects = db.Prospects.AsNoTracking()
            .OrderBy(p => p.Email)
            .Select(p => new Engine.Basis.Prospect(p.Email, p.Name, p.Company, p.AccountDomain))
            .AsAsyncEnumerable();
        await ProspectCsvWriter.WriteAsync(writer, prospects, cancellationToken);

        await using var audit = await contextFactory.CreateDbContextAsync(cancellationToken);
        AuditTrail.Add(audit, time.GetUtcNow(), actor, "basis.prospects.exported", null);
        await audit.SaveChangesAsync(cancellationToken);
    }

    private static bool TryCheck(
        ProspectDraft draft,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Engine.Basis.Prospect? prospect,
        out ProspectSaveResult refusal)
    {
        refusal = ProspectSaveResult.Done;
        if (Engine.Basis.Prospect.TryCreate(
            draft.Email, draft.Name, draft.Company, draft.AccountDomain, out prospect, out var problems))
        {
            return true;
        }

        refusal = ProspectSaveResult.Refused(string.Join("; ", problems.Select(p => p.ForFile())));
        return false;
    }

    // Two admins adding the same address at once: the unique index refuses the second.
    private static async Task<ProspectSaveResult> SaveAsync(
        HeaderSyncDbContext db, string address, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ProspectSaveResult.Done;
        }
        catch (DbUpdateException)
        {
            return ProspectSaveResult.Refused($"{address} is already a prospect.");
        }
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
