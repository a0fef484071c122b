using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeaderSync.Data.Database;

/// <summary>Applies the chosen provider's migrations.</summary>
public sealed class DatabaseMigrator(
    IDbContextFactory<HeaderSyncDbContext> contextFactory,
    IOptions<DatabaseOptions> options)
{
    public DatabaseProvider Provider => options.Value.ParsedProvider;

    /// <summary>The full path of the SQLite file, or null for a server database.</summary>
    public string? SqliteFilePath =>
        Provider == DatabaseProvider.Sqlite
            ? Path.GetFullPath(new SqliteConnectionStringBuilder(options.Value.ConnectionString).DataSource)
            : null;

    /// <summary>Applies pending migrations and returns their names.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        if (SqliteFilePath is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);

        if (Provider == DatabaseProvider.Sqlite)
        {
            // The portal reads while the engine writes: WAL lets readers go on during a write.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        return pending;
    }
}
