using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HeaderSync.Data.Database;

/// <summary>
/// Settings every SQLite connection gets when it opens. A writer that finds the database locked
/// waits in SQLite's own busy handler, which retries within milliseconds of the lock coming
/// free, instead of the provider's retry loop, which blocks its thread for 150 ms a round: with
/// many mailboxes syncing, those sleeping threads starved the continuations that would finish
/// the writes. In WAL mode <c>synchronous=NORMAL</c> syncs at checkpoints rather than at every
/// commit and stays consistent after a crash.
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    private const string Pragmas = "PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;";

    private SqliteConnectionSettings()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
