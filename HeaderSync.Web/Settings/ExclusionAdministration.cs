using HeaderSync.Data.Audit;
using HeaderSync.Data.Basis;
using HeaderSync.Data.Database;
using HeaderSync.Engine.Basis;
using Microsoft.EntityFrameworkCore;
using Exclusion = HeaderSync.Engine.Basis.Exclusion;
using StoredExclusion = HeaderSync.Data.Basis.Exclusion;

namespace HeaderSync.Web.Settings;

/// <summary>
/// The exclusion list: addresses and domains whose emails are never synced. Adding or removing
/// one bumps the basis version and is audited; purging what is already stored of one is the
/// engine's <see cref="ExclusionPurge"/>, offered to the admin after adding.
/// </summary>
public sealed class ExclusionAdministration(
    IDbContextFactory<HeaderSyncDbContext> contextFactory, BasisImport import, ExclusionPurge purge, TimeProvider time)
{
    private const int MaxNoteLength = 500;

    public async Task<IReadOnlyList<StoredExclusion>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Exclusions.AsNoTracking().OrderBy(e => e.Value).ToListAsync(cancellationToken);
    }

    /// <summary>Adds an address, `*@domain` or `domain`; the stored exclusion is returned for the purge offer.</summary>
    public async Task<(BasisChangeResult Result, Exclusion? Added)> AddAsync(
        string? text, string? note, string actor, CancellationToken cancellationToken)
    {
        if (!Exclusion.TryParse(text, out var exclusion, out var error))
        {
            return (BasisChangeResult.Refused(error), null);
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > MaxNoteLength)
        {
            return (BasisChangeResult.Refused($"The note is longer than {MaxNoteLength} characters."), null);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Exclusions.AnyAsync(e => e.Value == exclusion.Value, cancellationToken))
        {
            return (BasisChangeResult.Refused($"{exclusion.Value} is already excluded."), null);
        }

        var now = time.GetUtcNow();
        db.Exclusions.Add(new StoredExclusion
        {
            Value = exclusion.Value, Kind = exclusion.Kind, Note = note, AddedAt = now, AddedBy = actor,
        });
        AuditTrail.Add(db, now, actor, "basis.exclusion.added", exclusion.Value, after: new { exclusion.Kind, Note = note });
        await BasisVersions.BumpAsync(db, now, actor, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return (BasisChangeResult.Refused($"{exclusion.Value} is already excluded."), null);
        }

        return (BasisChangeResult.Done, exclusion);
    }

    public async Task RemoveAsync(int id, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Exclusions.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (row is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        db.Exclusions.Remove(row);
        AuditTrail.Add(db, now, actor, "basis.exclusion.removed", row.Value, before: new { row.Kind, row.Note, row.AddedBy });
        await BasisVersions.BumpAsync(db, now, actor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Parses an exclusions file; its valid lines are imported with <see cref="ImportAsync"/>.</summary>
    public static Task<ExclusionFileResult> ParseFileAsync(TextReader file, CancellationToken cancellationToken) =>
        ExclusionFileParser.ParseAsync(file, cancellationToken);

    public async Task<int> ImportAsync(
        ExclusionFileResult file, string actor, string? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var result = await import.ImportAsync([], file.Exclusions, actor, source, cancellationToken);
        return result.ExclusionsAdded;
    }

    public Task<int> CountStoredAsync(Exclusion exclusion, CancellationToken cancellationToken) =>
        purge.CountAsync(exclusion, cancellationToken);

    public Task<int> PurgeAsync(Exclusion exclusion, string actor, CancellationToken cancellationToken) =>
        purge.PurgeAsync(exclusion, actor, cancellationToken);
}
