using AngleSharp.Dom;
using Bunit;
using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeaderSync.Tests.Review;

public sealed class ReviewGridTests(ReviewDatabase seeded) : IClassFixture<ReviewDatabase>, IAsyncLifetime
{
    private readonly BunitContext context = MudTestContext.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public void TheGridOpensNewestFirstAndAColumnClickSortsByItThenFlipsIt()
    {
        var page = Render(seeded.Database);
        page.WaitForAssertion(() => Assert.Equal(ReviewQuery.PageSize, Rows(page).Count));
        Assert.Equal("descending", Header(page, ReviewSortKey.Received).GetAttribute("aria-sort"));
        Assert.Equal("none", Header(page, ReviewSortKey.Mailbox).GetAttribute("aria-sort"));

        page.Find("[data-testid=sort-Mailbox]").Click();
        page.WaitForAssertion(() => Assert.Equal("ana@contoso.com", Cell(Rows(page)[0], 1)));
        var ascending = Header(page, ReviewSortKey.Mailbox).GetAttribute("aria-sort");
        var received = Header(page, ReviewSortKey.Received).GetAttribute("aria-sort");
        page.Find("[data-testid=sort-Mailbox]").Click();
        page.WaitForAssertion(() => Assert.Equal("cy@contoso.com", Cell(Rows(page)[0], 1)));

        Assert.Equal("ascending", ascending);
        Assert.Equal("none", received);
        Assert.Equal("descending", Header(page, ReviewSortKey.Mailbox).GetAttribute("aria-sort"));
    }

    [Fact]
    public void MoreContinuesInTheChosenOrder()
    {
        var page = Render(seeded.Database);
        page.WaitForAssertion(() => Assert.Equal(ReviewQuery.PageSize, Rows(page).Count));

        page.Find("[data-testid=sort-Reason]").Click();
        page.WaitForAssertion(() => Assert.Equal(nameof(DecisionReason.AccountDomain), Cell(Rows(page)[0], 6)));
        page.FindAll("button").Single(b => b.TextContent.Trim() == "More").Click();
        page.WaitForAssertion(() => Assert.Equal(2 * ReviewQuery.PageSize, Rows(page).Count));

        var reasons = Rows(page).Select(r => Cell(r, 6)).ToList();
        Assert.Equal(reasons.Order(StringComparer.Ordinal), reasons);
        Assert.Equal("ascending", Header(page, ReviewSortKey.Reason).GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task AboveTheCapTheCountReadsTenThousandPlus()
    {
        using var large = new TempDatabase();
        await large.MigrateAsync();
        await using (var db = large.CreateContext())
        {
            var mailbox = new Mailbox { Id = Guid.NewGuid(), OwnerAddress = "ana@contoso.com" };
            db.Mailboxes.Add(mailbox);
            db.EmailDecisions.Add(new EmailDecision
            {
                MailboxId = mailbox.Id, GraphMessageId = "m", Reason = DecisionReason.NoProspect,
                ReceivedAt = ReviewDatabase.Start,
            });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("""
                WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10000)
                INSERT INTO EmailDecisions (MailboxId, GraphMessageId, Folder, Direction, ReceivedAt, Decision,
                    Reason, Mode, BodyDownloaded, DecidedAt, BasisVersion)
                SELECT d.MailboxId, 'm' || n.x, d.Folder, d.Direction, d.ReceivedAt, d.Decision, d.Reason,
                    d.Mode, d.BodyDownloaded, d.DecidedAt, d.BasisVersion
                FROM EmailDecisions d, n
                """);
        }

        var page = Render(large);

        page.WaitForAssertion(() => Assert.Equal(
            "10,000+ emails", page.Find("[data-testid=review-count]").TextContent.Trim()));
    }

    [Fact]
    public void EachRowsSubjectIsAButtonThatOpensTheEmailSoTheKeyboardReachesIt()
    {
        var page = Render(seeded.Database);
        page.WaitForAssertion(() => Assert.Equal(ReviewQuery.PageSize, Rows(page).Count));
        var first = Rows(page)[0].QuerySelector("[data-testid=open-email]")!;

        Assert.Equal("BUTTON", first.TagName);
        Assert.Empty(page.FindAll("[data-testid=email-detail]"));
        first.Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=email-detail]")));
    }

    [Fact]
    public async Task WithNoDecisionsTheGridSaysSoInsteadOfShowingAnEmptyTable()
    {
        using var empty = new TempDatabase();
        await empty.MigrateAsync();

        var page = Render(empty);

        page.WaitForAssertion(() => Assert.Contains(
            "No emails match these filters", page.Find("[data-testid=review-empty]").TextContent, StringComparison.Ordinal));
        Assert.Equal("0 emails", page.Find("[data-testid=review-count]").TextContent.Trim());
    }

    [Fact]
    public void ADatabaseThatCannotBeReadShowsAnErrorOnThePageInsteadOfBreakingIt()
    {
        // Never migrated: every query fails with "no such table".
        using var broken = new TempDatabase();

        var page = Render(broken);

        page.WaitForAssertion(() => Assert.Contains(
            "could not be loaded", page.Find("[data-testid=review-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=review-table]"));
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    private IRenderedComponent<ReviewPage> Render(TempDatabase database)
    {
        var contexts = new TempDatabaseContextFactory(database);
        context.Services.AddSingleton<IDbContextFactory<HeaderSyncDbContext>>(contexts);
        context.Services.AddSingleton(new ReviewQuery(contexts));
        context.Services.AddSingleton(new EmailDetails(contexts, TimeProvider.System));
        context.AddAuthorization().SetAuthorized("admin@contoso.com");
        return context.Render<ReviewPage>();
    }

    private static IReadOnlyList<IElement> Rows(IRenderedComponent<ReviewPage> page) =>
        page.FindAll("[data-testid=review-table] tbody tr");

    private static string Cell(IElement row, int index) => row.QuerySelectorAll("td")[index].TextContent.Trim();

    private static IElement Header(IRenderedComponent<ReviewPage> page, ReviewSortKey key) =>
        page.Find($"[data-testid=sort-{key}]").Closest("th")!;
}
