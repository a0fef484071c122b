using HeaderSync.Data.Database;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Status;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.Status;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HeaderSync.Tests.Status;

public sealed class CoalescingStatusPublisherTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingClient client = new();
    private readonly WriterTurns turns = new(Options.Create(new DatabaseOptions()));

    public Task InitializeAsync() => database.MigrateAsync();

    [Fact]
    public async Task AThousandUpdatesOfOneMailboxWithinAnIntervalReachTheHubOnceWithTheLastValue()
    {
        using var publisher = await StartedPublisherAsync();
        var mailbox = Guid.NewGuid();
        var other = Guid.NewGuid();

        for (var i = 1; i <= 1000; i++)
        {
            publisher.Publish(Update(mailbox, i));
        }

        publisher.Publish(Update(other, 7));
        clock.Advance(TimeSpan.FromMilliseconds(200));
        await WaitForAsync(() => client.Batches.Count == 1);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        await Task.Delay(100);
        await publisher.StopAsync(CancellationToken.None);

        var batch = Assert.Single(client.Batches);
        Assert.Equal(2, batch.Count);
        Assert.Equal(1000, batch.Single(s => s.MailboxId == mailbox).HeadersScanned);
        Assert.Equal(7, batch.Single(s => s.MailboxId == other).HeadersScanned);
    }

    [Fact]
    public async Task TheHubKeepsHearingWhileTheDatabaseIsLockedAndTheStatusesLandOnceItIsFree()
    {
        var mailbox = Guid.NewGuid();
        await using (var db = database.CreateContext())
        {
            db.Mailboxes.Add(new Mailbox { Id = mailbox, OwnerAddress = "a@contoso.com", AddedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        using var publisher = await StartedPublisherAsync();
        await using var other = new SqliteConnection(database.ConnectionString);
        await other.OpenAsync();
        await using (var lockWrites = other.CreateCommand())
        {
            lockWrites.CommandText = "BEGIN IMMEDIATE";
            await lockWrites.ExecuteNonQueryAsync();
        }

        // The write of the mailbox's status is due and waits for the lock. The clock moves on
        // threads of its own, so a tick whose work blocks cannot hold the test up.
        publisher.Publish(Update(mailbox, 1));
        _ = Task.Run(() => clock.Advance(TimeSpan.FromSeconds(2)));
        await WaitForAsync(() => client.Batches.Count == 1);
        await Task.Delay(200);

        for (var headers = 2; headers <= 4; headers++)
        {
            publisher.Publish(Update(mailbox, headers));
            _ = Task.Run(() => clock.Advance(TimeSpan.FromMilliseconds(200)));
            var expected = headers;
            await WaitForAsync(() => client.Batches.Count == expected);
        }

        Assert.Equal([1, 2, 3, 4], client.Batches.Select(b => Assert.Single(b).HeadersScanned));

        await using (var release = other.CreateCommand())
        {
            release.CommandText = "ROLLBACK";
            await release.ExecuteNonQueryAsync();
        }

        clock.Advance(TimeSpan.FromSeconds(2));
        var stored = 0;
        for (var i = 0; i < 200 && stored != 4; i++)
        {
            await Task.Delay(20);
            await using var db = database.CreateContext();
            stored = await db.Mailboxes.Where(m => m.Id == mailbox).Select(m => m.Status.HeadersScanned).SingleAsync();
        }

        await publisher.StopAsync(CancellationToken.None);
        Assert.Equal(4, stored);
    }

    public Task DisposeAsync()
    {
        turns.Dispose();
        database.Dispose();
        return Task.CompletedTask;
    }

    // The publisher's timers start on a thread of its own: once the hub heard a first status,
    // they run on the fake clock. That status is forgotten before the test goes on.
    private async Task<CoalescingStatusPublisher> StartedPublisherAsync()
    {
        var publisher = new CoalescingStatusPublisher(
            new RecordingHub(client), new TempDatabaseContextFactory(database), turns,
            Options.Create(new StatusOptions { CoalesceMs = 200 }), clock,
            NullLogger<CoalescingStatusPublisher>.Instance);
        await publisher.StartAsync(CancellationToken.None);
        publisher.Publish(Update(Guid.NewGuid(), 0));
        for (var i = 0; i < 500 && client.Batches.Count == 0; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(20));
            await Task.Delay(20);
        }

        Assert.Single(client.Batches);
        client.Batches.Clear();
        return publisher;
    }

    private MailboxStatusUpdate Update(Guid mailbox, int headers) => new(
        mailbox, "a@contoso.com", MailboxState.ScanningHeaders, null, headers, 0, 0, 0, null, null, null,
        null, null, clock.GetUtcNow());

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }
    }

    private sealed class RecordingClient : ISyncStatusClient
    {
        public List<IReadOnlyList<MailboxStatusUpdate>> Batches { get; } = [];

        public Task StatusChanged(IReadOnlyList<MailboxStatusUpdate> statuses)
        {
            lock (Batches)
            {
                Batches.Add(statuses);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class RecordingHub(ISyncStatusClient client) : IHubContext<SyncStatusHub, ISyncStatusClient>
    {
        public IHubClients<ISyncStatusClient> Clients { get; } = new AllClients(client);

        public IGroupManager Groups => throw new NotSupportedException();
    }

    private sealed class AllClients(ISyncStatusClient client) : IHubClients<ISyncStatusClient>
    {
        public ISyncStatusClient All => client;

        public ISyncStatusClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

        public ISyncStatusClient Client(string connectionId) => throw new NotSupportedException();

        public ISyncStatusClient Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException();

        public ISyncStatusClient Group(string groupName) => throw new NotSupportedException();

        public ISyncStatusClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) =>
            throw new NotSupportedException();

        public ISyncStatusClient Groups(IReadOnlyList<string> groupNames) => throw new NotSupportedException();

        public ISyncStatusClient User(string userId) => throw new NotSupportedException();

        public ISyncStatusClient Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();
    }
}
