using HeaderSync.Data.Audit;
using HeaderSync.Data.Basis;
using HeaderSync.Data.Database;
using HeaderSync.Data.Settings;
using HeaderSync.Engine.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Web.Settings;

/// <summary>
/// Loads and saves the org settings. A save names the version it was made from, so a second
/// admin's stale save is refused instead of silently undoing the first; every save is audited
/// with before and after, and its consequences follow (schedules, the basis version).
/// </summary>
public sealed class OrgSettingsStore(
    IDbContextFactory<HeaderSyncDbContext> contextFactory,
    SyncScheduler scheduler,
    TimeProvider time)
{
    public async Task<(OrgSettingsDraft Draft, int Version)> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.OrgSettings.AsNoTracking()
            .SingleAsync(s => s.Id == OrgSettings.SingletonId, cancellationToken);
        return (OrgSettingsDraft.From(settings), settings.Version);
    }

    public async Task<OrgSettingsSaveResult> SaveAsync(
        OrgSettingsDraft draft, int loadedVersion, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(draft));
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.OrgSettings.SingleAsync(s => s.Id == OrgSettings.SingletonId, cancellationToken);
        if (settings.Version != loadedVersion)
        {
            return OrgSettingsSaveResult.StaleBy(settings.UpdatedBy, settings.UpdatedAt);
        }

        var before = OrgSettingsDraft.From(settings);
        var changes = draft.ChangesFrom(before);
        if (changes.Count == 0)
        {
            return new OrgSettingsSaveResult(true, settings.Version, null, changes);
        }

        var now = time.GetUtcNow();
        Apply(settings, draft);
        settings.Version++;
        settings.UpdatedAt = now;
        settings.UpdatedBy = actor;
        AuditTrail.Add(db, now, actor, "settings.saved", "org", before, draft);
        if (draft.AccountDomainMatching != before.AccountDomainMatching)
        {
            await BasisVersions.BumpAsync(db, now, actor, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await LoadCurrentAsync(cancellationToken);
            return OrgSettingsSaveResult.StaleBy(current.UpdatedBy, current.UpdatedAt);
        }

        if (draft.SyncIntervalMinutes != before.SyncIntervalMinutes)
        {
            await scheduler.ScheduleAllAsync(cancellationToken);
        }

        return new OrgSettingsSaveResult(true, settings.Version, null, changes);
    }

    private async Task<OrgSettings> LoadCurrentAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.OrgSettings.AsNoTracking().SingleAsync(s => s.Id == OrgSettings.SingletonId, cancellationToken);
    }

    private static void Apply(OrgSettings settings, OrgSettingsDraft draft)
    {
        settings.HeaderOnlySync = draft.HeaderOnlySync;
        settings.SyncIntervalMinutes = draft.SyncIntervalMinutes;
        settings.HistoryWindowDays = draft.HistoryWindowDays;
        settings.AccountDomainMatching = draft.AccountDomainMatching;
        settings.ReviewRetentionDays = draft.ReviewRetentionDays;
        settings.ContentRetentionDays = draft.ContentRetentionDays;
    }
}
