using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HeaderSync.Data.Database;

/// <summary>
/// How this process's SQLite connections share one database file. SQLite takes one writer at a
/// time; a writer that finds the file locked would block its thread in the provider's retry loop,
/// which sleeps 150 ms a round, and with many mailboxes syncing those blocked threads starve the
/// very continuations that would finish the writes. So transactions queue here, without holding
/// a thread, one per database file at a time. A write outside a transaction that still finds the
/// file locked waits in SQLite's own busy handler, which retries within milliseconds. In WAL mode
/// <c>synchronous=NORMAL</c> syncs at checkpoints rather than at every commit and stays
/// consistent after a crash.
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor, IDbTransactionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    private const string Pragmas = "PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;";

    private readonly ConcurrentDictionary<string, WriteGate> gates = new(StringComparer.Ordinal);

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

    // Closing a connection rolls back a transaction it still holds.
    public override InterceptionResult ConnectionClosing(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(eventData);
        Gate(connection).Leave(eventData.ConnectionId);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(eventData);
        Gate(connection).Leave(eventData.ConnectionId);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(eventData);
        Gate(connection).Enter(eventData.ConnectionId);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(eventData);
        await Gate(connection).EnterAsync(eventData.ConnectionId, cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Leave(eventData);

    public Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Leave(eventData);

    public Task TransactionRolledBackAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        Leave(eventData);

    public Task TransactionFailedAsync(
        DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData);
        return Task.CompletedTask;
    }

    private void Leave(TransactionEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        foreach (var gate in gates.Values)
        {
            gate.Leave(eventData.ConnectionId);
        }
    }

    private WriteGate Gate(DbConnection connection) =>
        gates.GetOrAdd(connection.DataSource ?? "", _ => new WriteGate());

    // One transaction at a time per database file, remembered by the connection holding it.
    // Gates live as long as the process; a semaphore never asked for its wait handle holds nothing.
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Design", "CA1001", Justification = "Lives as long as the process.")]
    private sealed class WriteGate
    {
        private readonly SemaphoreSlim slot = new(1, 1);
        private readonly Lock holderLock = new();
        private Guid? holder;

        public void Enter(Guid connectionId)
        {
            slot.Wait();
            Hold(connectionId);
        }

        public async Task EnterAsync(Guid connectionId, CancellationToken cancellationToken)
        {
            await slot.WaitAsync(cancellationToken);
            Hold(connectionId);
        }

        public void Leave(Guid connectionId)
        {
            lock (holderLock)
            {
                if (holder != connectionId)
                {
                    return;
                }

                holder = null;
            }

            slot.Release();
        }

        private void Hold(Guid connectionId)
        {
            lock (holderLock)
            {
                holder = connectionId;
            }
        }
    }
}
