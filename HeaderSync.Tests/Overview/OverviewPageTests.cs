using Bunit;
using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HeaderSync.Tests.Overview;

public sealed class OverviewPageTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private readonly BunitContext context = MudTestContext.Create();

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        context.Services.AddSingleton<IDbContextFactory<HeaderSyncDbContext>>(new TempDatabaseContextFactory(database));
        context.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task ADatabaseThatCannotBeReadShowsAnErrorOnThePageInsteadOfBreakingIt()
    {
        // Never migrated: every query fails with "no such table".
        using var unmigrated = new TempDatabase();
        await using var broken = MudTestContext.Create();
        broken.Services.AddSingleton<IDbContextFactory<HeaderSyncDbContext>>(new TempDatabaseContextFactory(unmigrated));
        broken.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)));

        var page = broken.Render<HeaderSync.Web.Overview.Overview>();

        page.WaitForAssertion(() => Assert.Contains(
            "could not be loaded", page.Find("[data-testid=overview-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFiguresComeFromTheDailyCountsAndMailboxes()
    {
        var graph = Guid.NewGuid();
        await using (var db = database.CreateContext())
        {
            db.Mailboxes.Add(new Mailbox { Id = graph, OwnerAddress = "a@contoso.com", Provider = EmailProvider.Office365OAuth });
            db.Mailboxes.Add(new Mailbox { Id = Guid.NewGuid(), OwnerAddress = "b@contoso.com", Provider = EmailProvider.Gmail });
            db.DailyDecisionCounts.AddRange(
                Count(graph, 1, Decision.Synced, DecisionReason.Prospect, 12),
                Count(graph, 2, Decision.Synced, DecisionReason.Thread, 3),
                Count(graph, 1, Decision.Ignored, DecisionReason.NoProspect, 1200));
            (await db.OrgSettings.SingleAsync()).HeaderOnlySync = true;
            db.EmailDecisions.AddRange(
                Decided(graph, "1", Decision.Synced, bodyDownloaded: true),
                Decided(graph, "2", Decision.Ignored, bodyDownloaded: false),
                Decided(graph, "3", Decision.Ignored, bodyDownloaded: false),
                Decided(graph, "4", Decision.Ignored, bodyDownloaded: false));
            await db.SaveChangesAsync();
        }

        var page = context.Render<HeaderSync.Web.Overview.Overview>();

        page.WaitForAssertion(() => Assert.Contains("15", page.Find("[data-testid=figure-synced]").TextContent, StringComparison.Ordinal));
        Assert.Contains("1,200", page.Find("[data-testid=figure-ignored]").TextContent, StringComparison.Ordinal);
        Assert.Contains("2", page.Find("[data-testid=figure-mailboxes]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1 through Microsoft Graph", page.Find("[data-testid=figure-mailboxes]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Headers only", page.Find("[data-testid=figure-mode]").TextContent, StringComparison.Ordinal);
        var reasons = page.Find("[data-testid=reasons]").TextContent;
        // Reasons are listed by count: the 1,200 NoProspect emails before the 12 Prospect ones.
        var noProspect = reasons.IndexOf("NoProspect", StringComparison.Ordinal);
        Assert.True(noProspect >= 0 && noProspect < reasons.IndexOf("Prospect", noProspect + 10, StringComparison.Ordinal));
        var evidence = page.Find("[data-testid=evidence] tbody tr").TextContent;
        Assert.Contains("a@contoso.com", evidence, StringComparison.Ordinal);
        Assert.Contains("75", evidence, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=per-day] svg"));
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        database.Dispose();
    }

    private static EmailDecision Decided(Guid mailbox, string id, Decision decision, bool bodyDownloaded) => new()
    {
        MailboxId = mailbox,
        GraphMessageId = id,
        Decision = decision,
        Reason = decision == Decision.Synced ? DecisionReason.Prospect : DecisionReason.NoProspect,
        Mode = SyncMode.HeaderOnly,
        BodyDownloaded = bodyDownloaded,
    };

    private static DailyDecisionCount Count(Guid mailbox, int day, Decision decision, DecisionReason reason, int count) =>
        new() { MailboxId = mailbox, Day = new DateOnly(2026, 11, day), Decision = decision, Reason = reason, Count = count };
}
