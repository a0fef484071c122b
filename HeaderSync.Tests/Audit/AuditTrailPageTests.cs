using Bunit;
using HeaderSync.Data.Audit;
using HeaderSync.Data.Database;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeaderSync.Tests.Audit;

public sealed class AuditTrailPageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase database = new();
    private readonly BunitContext context = MudTestContext.Create();

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        for (var i = 0; i < 60; i++)
        {
            AuditTrail.Add(db, Start.AddHours(i), "ana@contoso.com", "mailbox.resync", $"m{i}@contoso.com");
        }

        AuditTrail.Add(db, Start.AddDays(5), "ben@contoso.com", "settings.saved", "org",
            new { HeaderOnlySync = false }, new { HeaderOnlySync = true });
        await db.SaveChangesAsync();
        context.Services.AddSingleton<IDbContextFactory<HeaderSyncDbContext>>(new TempDatabaseContextFactory(database));
    }

    [Fact]
    public void TheTrailOpensNewestFirstAndPagesOlderOnRequest()
    {
        var page = context.Render<AuditTrailPage>();

        page.WaitForAssertion(() => Assert.Equal(AuditQuery.PageSize, page.FindAll("tbody tr").Count));
        Assert.Contains("settings.saved", page.FindAll("tbody tr")[0].TextContent, StringComparison.Ordinal);
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Older").Click();
        page.WaitForAssertion(() => Assert.Equal(61, page.FindAll("tbody tr").Count));
        Assert.Contains("m0@contoso.com", page.FindAll("tbody tr")[^1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADatabaseThatCannotBeReadShowsAnErrorOnThePageInsteadOfBreakingIt()
    {
        // Never migrated: every query fails with "no such table".
        using var unmigrated = new TempDatabase();
        await using var broken = MudTestContext.Create();
        broken.Services.AddSingleton<IDbContextFactory<HeaderSyncDbContext>>(new TempDatabaseContextFactory(unmigrated));

        var page = broken.Render<AuditTrailPage>();

        page.WaitForAssertion(() => Assert.Contains(
            "could not be loaded", page.Find("[data-testid=audit-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FiltersByActorKindFamilyAndDates()
    {
        var contexts = new TempDatabaseContextFactory(database);

        var settings = await new AuditQuery(null, "settings", null, null).PageAsync(contexts, null, CancellationToken.None);
        var ben = await new AuditQuery("ben@contoso.com", null, null, null).PageAsync(contexts, null, CancellationToken.None);
        var firstDay = await new AuditQuery(null, "mailbox", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1))
            .PageAsync(contexts, null, CancellationToken.None);

        Assert.Equal("settings.saved", Assert.Single(settings).Action);
        Assert.Contains("\"HeaderOnlySync\":true", Assert.Single(ben).After, StringComparison.Ordinal);
        Assert.Equal(16, firstDay.Count);
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        database.Dispose();
    }
}
