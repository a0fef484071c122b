using HeaderSync.Data.Database;

namespace HeaderSync.Web.Hosting;

/// <summary>
/// Migrates a SQLite database at start, so the embedded default needs no set-up step; server
/// databases are migrated only by the <c>migrate</c> verb, when their owner decides to.
/// </summary>
internal sealed class DatabaseStartup(DatabaseMigrator migrator, ILogger<DatabaseStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (migrator.Provider != DatabaseProvider.Sqlite)
        {
            StartupLog.DatabaseReady(logger, migrator.Provider.ToString(), "server (migrate verb)");
            return;
        }

        await migrator.MigrateAsync(cancellationToken);
        StartupLog.DatabaseReady(logger, migrator.Provider.ToString(), migrator.SqliteFilePath!);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
