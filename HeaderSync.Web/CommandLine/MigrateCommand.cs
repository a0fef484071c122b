using System.Text.Json;
using HeaderSync.Data.Database;
using HeaderSync.Engine.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Web.CommandLine;

/// <summary>
/// Applies the configured provider's migrations and, on a database server, makes sure Quartz's
/// job-store tables are there; prints what was applied.
/// </summary>
internal sealed class MigrateCommand(
    DatabaseMigrator migrator, IDbContextFactory<HeaderSyncDbContext> contextFactory)
{
    public async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var applied = await migrator.MigrateAsync(cancellationToken);
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await QuartzSchema.EnsureAsync(db, migrator.Provider, cancellationToken);
        }

        var result = new
        {
            provider = migrator.Provider.ToString(),
            database = migrator.SqliteFilePath,
            applied,
            quartzTables = migrator.Provider != DatabaseProvider.Sqlite,
        };
        await output.WriteLineAsync(JsonSerializer.Serialize(result));
        return ExitCodes.Success;
    }
}
