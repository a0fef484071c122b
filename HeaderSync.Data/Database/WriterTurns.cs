using Microsoft.Extensions.Options;

namespace HeaderSync.Data.Database;

/// <summary>
/// SQLite lets one connection write at a time, and a writer that finds the file locked waits
/// inside SQLite, holding its thread until the lock comes free. With many mailboxes syncing, those
/// held threads starved the thread pool of the continuations that finish Graph requests and the
/// other writes. The sync's frequent writes (a header page, a batch of bodies) take turns here
/// first, waiting without a thread. SQL Server and PostgreSQL lock rows, not the database, so
/// there every turn is free at once.
/// </summary>
public sealed class WriterTurns(IOptions<DatabaseOptions> options) : IDisposable
{
    private readonly SemaphoreSlim? turn =
        options.Value.ParsedProvider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    /// <summary>Waits for this process's turn to write; disposing the turn ends it.</summary>
    public async ValueTask<Turn> TakeAsync(CancellationToken cancellationToken)
    {
        if (turn is null)
        {
            return default;
        }

        await turn.WaitAsync(cancellationToken);
        return new Turn(turn);
    }

    public void Dispose() => turn?.Dispose();

    /// <summary>One writer's turn. Nothing inside a turn may wait for another.</summary>
    public readonly struct Turn : IDisposable, IEquatable<Turn>
    {
        private readonly SemaphoreSlim? held;

        internal Turn(SemaphoreSlim held) => this.held = held;

        public void Dispose() => held?.Release();

        public bool Equals(Turn other) => ReferenceEquals(held, other.held);

        public override bool Equals(object? obj) => obj is Turn other && Equals(other);

        public override int GetHashCode() => held?.GetHashCode() ?? 0;

        public static bool operator ==(Turn left, Turn right) => left.Equals(right);

        public static bool operator !=(Turn left, Turn right) => !left.Equals(right);
    }
}
