using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Data.Database;

/// <summary>Chooses the provider and the assembly holding that provider's migrations.</summary>
public static class HeaderSyncDatabase
{
    public const string SqliteMigrationsAssembly = "HeaderSync.Data.Migrations.Sqlite";

    public const string SqlServerMigrationsAssembly = "HeaderSync.Data.Migrations.SqlServer";

    public const string PostgresMigrationsAssembly = "HeaderSync.Data.Migrations.Postgres";

    public static DbContextOptionsBuilder Configure(
        DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => builder
                .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly))
                .AddInterceptors(SqliteConnectionSettings.Instance),
            DatabaseProvider.SqlServer => builder.UseSqlServer(
                connectionString, sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly)),
            DatabaseProvider.Postgres => builder.UseNpgsql(
                connectionString, postgres => postgres.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
}
