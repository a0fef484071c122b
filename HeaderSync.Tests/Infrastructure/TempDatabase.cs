using HeaderSync.Data.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Tests.Infrastructure;

/// <summary>A real SQLite file in a folder of its own, deleted with the test.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("headersync-test-").FullName;
        FilePath = Path.Combine(Directory, "headersync.db");
        ConnectionString = $"Data Source={FilePath};Pooling=False";
    }

    public string Directory { get; }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public HeaderSyncDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<HeaderSyncDbContext>();
        HeaderSyncDatabase.Configure(builder, DatabaseProvider.Sqlite, ConnectionString);
        return new HeaderSyncDbContext(builder.Options);
    }

    public async Task MigrateAsync()
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a crashed process; the temp folder is cleaned by the OS.
        }
    }
}
