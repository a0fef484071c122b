using HeaderSync.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HeaderSync.Data.Migrations.Postgres;

// Used only by dotnet-ef to add migrations; no database is opened for that.
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<HeaderSyncDbContext>
{
    public HeaderSyncDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<HeaderSyncDbContext>();
        HeaderSyncDatabase.Configure(builder, DatabaseProvider.Postgres, "Host=localhost;Database=headersync");
        return new HeaderSyncDbContext(builder.Options);
    }
}
