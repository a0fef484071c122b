using Bunit;
using HeaderSync.Data.Database;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Scheduling;
using HeaderSync.Engine.Status;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.Settings;
using HeaderSync.Web.Settings.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;

namespace HeaderSync.Tests.Settings;

public sealed class EmailSettingsPageTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private readonly BunitContext context = MudTestContext.Create();
    private readonly ServiceProvider quartzServices = new ServiceCollection()
        .AddLogging()
        .AddQuartz()
        .BuildServiceProvider();

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        await using (var db = database.CreateContext())
        {
            db.Mailboxes.AddRange(
                new Mailbox { Id = Guid.NewGuid(), OwnerAddress = "ana@contoso.com", Provider = EmailProvider.Office365OAuth },
                new Mailbox { Id = Guid.NewGuid(), OwnerAddress = "ben@contoso.com", Provider = EmailProvider.Office365OAuth },
                new Mailbox { Id = Guid.NewGuid(), OwnerAddress = "old@contoso.com", Provider = EmailProvider.Imap });
            await db.SaveChangesAsync();
        }

        var contexts = new TempDatabaseContextFactory(database);
        var quartz = quartzServices.GetRequiredService<ISchedulerFactory>();
        var scheduler = new SyncScheduler(quartz, contexts, new NoStatusPublisher(), TimeProvider.System, NullLogger<SyncScheduler>.Instance);
        context.Services.AddSingleton<IDbContextFactory<HeaderSyncDbContext>>(contexts);
        context.Services.AddSingleton(new OrgSettingsStore(contexts, scheduler, TimeProvider.System));
        context.AddAuthorization().SetAuthorized("admin@contoso.com");
    }

    [Fact]
    public void ThePageShowsWhichMailboxesTheToggleCoversAndSaveStartsDisabled()
    {
        var page = context.Render<EmailSettings>();

        page.WaitForAssertion(() => Assert.Contains("2 mailboxes", page.Find("[data-testid=coverage]").TextContent, StringComparison.Ordinal));
        Assert.Contains("old@contoso.com (Imap)", page.Find("[data-testid=not-covered]").TextContent, StringComparison.Ordinal);
        Assert.True(SaveButton(page).HasAttribute("disabled"));
        Assert.Contains("Sync emails based on headers only", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlippingTheToggleAndSavingStoresItAuditsItAndDisablesSaveAgain()
    {
        var page = context.Render<EmailSettings>();
        page.WaitForElement("[data-testid=coverage]");

        HeaderOnlySwitch(page).Change(true);
        Assert.False(SaveButton(page).HasAttribute("disabled"));
        await SaveButton(page).ClickAsync(new());

        await using var db = database.CreateContext();
        var settings = await db.OrgSettings.SingleAsync();
        Assert.True(settings.HeaderOnlySync);
        Assert.Equal(1, settings.Version);
        Assert.Equal("admin@contoso.com", settings.UpdatedBy);
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "settings.saved");
        Assert.Contains("\"HeaderOnlySync\":false", audit.Before, StringComparison.Ordinal);
        Assert.Contains("\"HeaderOnlySync\":true", audit.After, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.True(SaveButton(page).HasAttribute("disabled")));
    }

    [Fact]
    public async Task ASaveAfterAnotherAdminsSaveIsRefusedWithAMessageAndKeepsTheEdit()
    {
        var page = context.Render<EmailSettings>();
        page.WaitForElement("[data-testid=coverage]");
        await using (var other = database.CreateContext())
        {
            var settings = await other.OrgSettings.SingleAsync();
            settings.SyncIntervalMinutes = 30;
            settings.Version++;
            settings.UpdatedBy = "other.admin@contoso.com";
            await other.SaveChangesAsync();
        }

        HeaderOnlySwitch(page).Change(true);
        await SaveButton(page).ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains(
            "other.admin@contoso.com", page.Find("[data-testid=save-conflict]").TextContent, StringComparison.Ordinal));
        await using var db = database.CreateContext();
        var stored = await db.OrgSettings.SingleAsync();
        Assert.False(stored.HeaderOnlySync);
        Assert.Equal(30, stored.SyncIntervalMinutes);
        Assert.True(HeaderOnlySwitch(page).HasAttribute("checked") || page.Find("input[type=checkbox]").GetAttribute("aria-checked") == "true");
        Assert.Equal(0, await db.AuditEvents.CountAsync(a => a.Action == "settings.saved"));
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        await quartzServices.DisposeAsync();
        database.Dispose();
    }

    private static AngleSharp.Dom.IElement HeaderOnlySwitch(IRenderedComponent<EmailSettings> page) =>
        page.FindAll("input[type=checkbox]")[0];

    private static AngleSharp.Dom.IElement SaveButton(IRenderedComponent<EmailSettings> page) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Save");
}
