using HeaderSync.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Data.Basis;

/// <summary>Every change to the basis bumps its version, so the engine re-decides what it may affect.</summary>
public static class BasisVersions
{
    public static async Task BumpAsync(
        HeaderSyncDbContext db, DateTimeOffset at, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var state = await db.BasisStates.SingleAsync(b => b.Id == BasisState.SingletonId, cancellationToken);
        state.Version++;
        state.ChangedAt = at;
        state.ChangedBy = actor;
    }
}
