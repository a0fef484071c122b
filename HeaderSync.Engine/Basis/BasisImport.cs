using HeaderSync.Data.Audit;
using HeaderSync.Data.Basis;
using HeaderSync.Data.Database;
using Microsoft.EntityFrameworkCore;
using StoredExclusion = HeaderSync.Data.Basis.Exclusion;
using StoredProspect = HeaderSync.Data.Basis.Prospect;

namespace HeaderSync.Engine.Basis;

/// <summary>
/// Stores parsed prospects and exclusions in one transaction: a known address is updated, a
/// new one added; the basis version is bumped once and the import audited.
/// </summary>
public sealed class BasisImport(IDbContextFactory<HeaderSyncDbContext> contextFactory, TimeProvider time)
{
    private const int ChunkSize = 1000;

    /// <summary>Parses a prospect CSV and tells, line by line, what importing it would change.</summary>
    public async Task<ProspectImportPreview> PreviewProspectsAsync(
        TextReader csv, CancellationToken cancellationToken)
    {
        var parsed = await ProspectCsvParser.ParseAsync(csv, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Prospects.AsNoTracking().Select(p => p.Email).ToListAsync(cancellationToken);
        var known = new HashSet<string>(stored, StringComparer.OrdinalIgnoreCase);
        var rows = parsed.Prospects
            .Select(p => new ProspectImportRow(p.Line, p.Prospect, known.Contains(p.Prospect.Address)))
            .ToList();
        return new ProspectImportPreview(rows, parsed.Errors);
    }

    /// <summary>Stores a preview's valid lines; <paramref name="source"/> names the file in the audit.</summary>
    public Task<BasisImportResult> ImportProspectsAsync(
        ProspectImportPreview preview, string actor, string? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var prospects = preview.Rows.Select(r => new ParsedProspect(r.Line, r.Prospect)).ToList();
        return ImportAsync(prospects, [], actor, source, cancellationToken);
    }

    public async Task<BasisImportResult> ImportAsync(
        IReadOnlyList<ParsedProspect> prospects,
        IReadOnlyList<ParsedExclusion> exclusions,
        string actor,
        string? source,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prospects);
        ArgumentNullException.ThrowIfNull(exclusions);
        var now = time.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Saved and forgotten chunk by chunk, inside the one transaction: a context tracking
        // fifty thousand new rows at once takes many times longer to save them.
        var known = await db.Prospects.AsNoTracking()
            .Select(p => new { p.Email, p.Id })
            .ToDictionaryAsync(p => p.Email, p => p.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        int added = 0, updated = 0;
        foreach (var chunk in LastPerAddress(prospects).Chunk(ChunkSize))
        {
            var ids = chunk.Select(p => known.GetValueOrDefault(p.Address)).Where(id => id != 0).ToList();
            var rows = await db.Prospects.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
            var fresh = new List<StoredProspect>();
            foreach (var prospect in chunk)
            {
                if (!known.TryGetValue(prospect.Address, out var id) || !rows.TryGetValue(id, out var row))
                {
                    row = new StoredProspect { Email = prospect.Address, CreatedAt = now };
                    db.Prospects.Add(row);
                    fresh.Add(row);
                    added++;
                }
                else
                {
                    updated++;
                }

                row.Name = prospect.Name;
                row.Company = prospect.Company;
                row.AccountDomain = prospect.AccountDomain;
                row.UpdatedAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            foreach (var row in fresh)
            {
                known[row.Email] = row.Id;
            }
        }

        var knownExclusions = await db.Exclusions.Select(e => e.Value).ToListAsync(cancellationToken);
        var exclusionSet = new HashSet<string>(knownExclusions, StringComparer.OrdinalIgnoreCase);
        var excluded = 0;
        foreach (var (_, exclusion) in exclusions)
        {
            if (exclusionSet.Add(exclusion.Value))
            {
                db.Exclusions.Add(new StoredExclusion
                {
                    Value = exclusion.Value,
                    Kind = exclusion.Kind,
                    AddedAt = now,
                    AddedBy = actor,
                });
                excluded++;
            }
        }

        var result = new BasisImportResult(added, updated, excluded);
        if (added + updated + excluded > 0)
        {
            AuditTrail.Add(db, now, actor, "basis.imported", source, after: result);
            await BasisVersions.BumpAsync(db, now, actor, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    // A list given twice the same address keeps its last line, as a spreadsheet's later row would win.
    private static Dictionary<string, Prospect>.ValueCollection LastPerAddress(IReadOnlyList<ParsedProspect> prospects)
    {
        var latest = new Dictionary<string, Prospect>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, prospect) in prospects)
        {
            latest[prospect.Address] = prospect;
        }

        return latest.Values;
    }
}
