using HeaderSync.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Tests.Infrastructure;

/// <summary>Hands components contexts on a test's own SQLite file.</summary>
internal sealed class TempDatabaseContextFactory(TempDatabase database) : IDbContextFactory<HeaderSyncDbContext>
{
    public HeaderSyncDbContext CreateDbContext() => database.CreateContext();
}
