using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Status;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.Status;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HeaderSync.Tests.Status;

public sealed class CoalescingStatusPublisherTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingClient client = new();

    public Task InitializeAsync() => database.MigrateAsync();

    [Fact]
    public async Task AThousandUpdatesOfOneMailboxWithinAnIntervalReachTheHubOnceWithTheLastValue()
    {
        using var publisher = new CoalescingStatusPublisher(
            new RecordingHub(client), new TempDatabaseContextFactory(database),
            Options.Create(new StatusOptions { CoalesceMs = 200 }), clock,
            NullLogger<CoalescingStatusPublisher>.Instance);
        await publisher.StartAsync(CancellationToken.None);
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

    public Task DisposeAsync()
    {
        database.Dispose();
        return Task.CompletedTask;
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
