using Azure.Identity;
using Bunit;
using HeaderSync.Data.Database;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Graph;
using HeaderSync.Engine.Mailboxes;
using HeaderSync.Engine.Scheduling;
using HeaderSync.Engine.Status;
using HeaderSync.Engine.Sync;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.Mailboxes;
using HeaderSync.Web.Status;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace HeaderSync.Tests.Mailboxes;

/// <summary>The Mailboxes page paints the stored status, then follows the events of the status feed.</summary>
public sealed class MailboxesPageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase database = new();
    private readonly BunitContext context = MudTestContext.Create();
    private readonly FakeStatusFeed feed = new();
    private readonly Guid mailboxId = Guid.NewGuid();
    private readonly Guid otherId = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        await using (var db = database.CreateContext())
        {
            db.Mailboxes.Add(Mailbox(mailboxId, "ada@contoso.com", headers: 40));
            db.Mailboxes.Add(Mailbox(otherId, "bob@contoso.com", headers: 7));
            await db.SaveChangesAsync();
        }

        var services = context.Services;
        services.AddSingleton<IDbContextFactory<HeaderSyncDbContext>>(new TempDatabaseContextFactory(database));
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddLogging();
        services.AddSingleton<ISyncStatusPublisher, NoStatusPublisher>();
        services.AddQuartz();
        services.AddSingleton(Options.Create(new GraphOptions()));
        services.AddSingleton<Azure.Core.TokenCredential>(new ClientSecretCredential("tenant", "client", "unused"));
        services.AddSingleton<MailboxGraphClientFactory>();
        services.AddSingleton<SyncScheduler>();
        services.AddSingleton<SyncNode>();
        services.AddSingleton<MailboxLease>();
        services.AddSingleton<MailboxRemoval>();
        services.AddSingleton<MailboxDirectory>();
        services.AddSingleton<ConnectionCheck>();
        services.AddSingleton<MailboxAdministration>();
        services.AddSingleton<ISyncStatusFeed>(feed);
        context.AddAuthorization().SetAuthorized("admin@contoso.com");
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task StateChipsProgressAndCountsFollowTheStatusEvents()
    {
        var page = context.Render<MailboxesPage>();
        page.WaitForAssertion(() => Assert.Equal("Idle", Cell(page, "ada@contoso.com", "state")));
        Assert.Equal("40", Cell(page, "ada@contoso.com", "headers"));
        Assert.Empty(page.FindAll("[data-testid=progress]"));

        await feed.StateAsync(LiveState.Live);
        await feed.PushAsync(Update(MailboxState.ScanningHeaders, 1, headers: 100, synced: 9, ignored: 91, bodies: 0));
        page.WaitForAssertion(() => Assert.Equal("ScanningHeaders", Cell(page, "ada@contoso.com", "state")));
        Assert.Equal(("100", "9", "91", "0"), Counts(page, "ada@contoso.com"));
        Assert.Single(page.FindAll("[data-testid=progress]"));
        Assert.Equal("Live", page.Find("[data-testid=live]").TextContent.Trim());

        await feed.PushAsync(Update(MailboxState.Throttled, 2, headers: 150, synced: 12, ignored: 138, bodies: 3,
            throttledUntil: Now.AddSeconds(30)));
        page.WaitForAssertion(() => Assert.Equal("Throttled", Cell(page, "ada@contoso.com", "state")));
        Assert.Contains("retrying at", Cell(page, "ada@contoso.com", "throttled"), StringComparison.Ordinal);

        await feed.PushAsync(Update(MailboxState.DownloadingBodies, 3, headers: 200, synced: 20, ignored: 180, bodies: 10,
            progress: 0.5));
        page.WaitForAssertion(() => Assert.Equal("DownloadingBodies", Cell(page, "ada@contoso.com", "state")));
        Assert.Equal(("200", "20", "180", "10"), Counts(page, "ada@contoso.com"));

        await feed.PushAsync(Update(MailboxState.Idle, 4, headers: 200, synced: 20, ignored: 180, bodies: 20,
            lastRunAt: Now.AddSeconds(4)));
        page.WaitForAssertion(() => Assert.Equal("Idle", Cell(page, "ada@contoso.com", "state")));
        Assert.Equal(("200", "20", "180", "20"), Counts(page, "ada@contoso.com"));
        Assert.Empty(page.FindAll("[data-testid=progress]"));
        Assert.DoesNotContain("never", Cell(page, "ada@contoso.com", "last-run"), StringComparison.Ordinal);
        Assert.Equal("7", Cell(page, "bob@contoso.com", "headers"));
    }

    [Fact]
    public async Task AnEventOlderThanTheShownStatusChangesNothing()
    {
        var page = context.Render<MailboxesPage>();
        page.WaitForAssertion(() => Assert.Equal("Idle", Cell(page, "ada@contoso.com", "state")));

        await feed.PushAsync(Update(MailboxState.ScanningHeaders, -60, headers: 1, synced: 0, ignored: 1, bodies: 0));

        Assert.Equal("Idle", Cell(page, "ada@contoso.com", "state"));
        Assert.Equal("40", Cell(page, "ada@contoso.com", "headers"));
    }

    [Fact]
    public async Task LeavingThePageEndsTheSubscription()
    {
        var page = context.Render<MailboxesPage>();
        page.WaitForAssertion(() => Assert.True(feed.Subscribed));

        await context.DisposeComponentsAsync();

        Assert.True(feed.Disposed);
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        database.Dispose();
    }

    private MailboxStatusUpdate Update(
        MailboxState state, int seconds, int headers, int synced, int ignored, int bodies,
        double? progress = null, DateTimeOffset? throttledUntil = null, DateTimeOffset? lastRunAt = null) =>
        new(mailboxId, "ada@contoso.com", state, progress, headers, synced, ignored, bodies, throttledUntil,
            lastRunAt, null, null, null, Now.AddSeconds(seconds));

    private static Mailbox Mailbox(Guid id, string address, int headers) => new()
    {
        Id = id,
        OwnerAddress = address,
        GraphUserId = Guid.NewGuid().ToString(),
        Provider = EmailProvider.Office365OAuth,
        Status = new MailboxStatus { State = MailboxState.Idle, HeadersScanned = headers, UpdatedAt = Now },
    };

    private static string Cell(IRenderedComponent<MailboxesPage> page, string address, string testId)
    {
        var row = page.FindAll("tr").Single(r => r.TextContent.Contains(address, StringComparison.Ordinal));
        return row.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();
    }

    private static (string, string, string, string) Counts(IRenderedComponent<MailboxesPage> page, string address) =>
        (Cell(page, address, "headers"), Cell(page, address, "synced"), Cell(page, address, "ignored"),
            Cell(page, address, "bodies"));

    private sealed class FakeStatusFeed : ISyncStatusFeed
    {
        private Func<IReadOnlyList<MailboxStatusUpdate>, Task>? onStatuses;
        private Func<LiveState, Task>? onState;

        public bool Subscribed => onStatuses is not null;

        public bool Disposed { get; private set; }

        public Task<IAsyncDisposable> SubscribeAsync(
            Func<IReadOnlyList<MailboxStatusUpdate>, Task> onStatuses, Func<LiveState, Task> onState,
            CancellationToken cancellationToken)
        {
            this.onStatuses = onStatuses;
            this.onState = onState;
            return Task.FromResult<IAsyncDisposable>(new Subscription(this));
        }

        public Task PushAsync(MailboxStatusUpdate update) => onStatuses!([update]);

        public Task StateAsync(LiveState state) => onState!(state);

        private sealed class Subscription(FakeStatusFeed feed) : IAsyncDisposable
        {
            public ValueTask DisposeAsync()
            {
                feed.Disposed = true;
                return ValueTask.CompletedTask;
            }
        }
    }
}
