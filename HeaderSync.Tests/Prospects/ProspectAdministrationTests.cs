using HeaderSync.Engine.Basis;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.Prospects;
using Microsoft.EntityFrameworkCore;
using StoredProspect = HeaderSync.Data.Basis.Prospect;

namespace HeaderSync.Tests.Prospects;

public sealed class ProspectAdministrationTests : IAsyncLifetime
{
    private const string Admin = "admin@contoso.com";
    private readonly TempDatabase database = new();
    private ProspectAdministration prospects = null!;

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        prospects = new ProspectAdministration(new TempDatabaseContextFactory(database), TimeProvider.System);
    }

    [Fact]
    public async Task AddingAProspectStoresItNormalisedAuditsItAndBumpsTheBasis()
    {
        var result = await prospects.AddAsync(
            new ProspectDraft(" Jane.Doe@Northwind.COM ", " Jane ", "Northwind", "EU.Northwind.com"), Admin, CancellationToken.None);

        Assert.True(result.Saved);
        await using var db = database.CreateContext();
        var stored = await db.Prospects.SingleAsync();
        Assert.Equal(("jane.doe@northwind.com", "Jane", "Northwind", "eu.northwind.com"),
            (stored.Email, stored.Name, stored.Company, stored.AccountDomain));
        var audit = await db.AuditEvents.SingleAsync();
        Assert.Equal(("basis.prospect.added", Admin, "jane.doe@northwind.com"), (audit.Action, audit.Actor, audit.Target));
        Assert.Contains("\"AccountDomain\":\"eu.northwind.com\"", audit.After, StringComparison.Ordinal);
        Assert.Equal((2L, Admin), await db.BasisStates.Select(b => ValueTuple.Create(b.Version, b.ChangedBy)).SingleAsync());
    }

    [Theory]
    [InlineData("jane@northwind.com", "gmail.com", "account_domain: gmail.com is a free-mail domain and cannot be an account domain")]
    [InlineData("jane@northwind.com", "mail.outlook.com", "account_domain: mail.outlook.com is a free-mail domain and cannot be an account domain")]
    [InlineData("jane", null, "'jane' is not an email address")]
    [InlineData("", null, "the email address is empty")]
    public async Task ABadProspectIsRefusedWithTheImportsMessageAndNothingChanges(string email, string? domain, string message)
    {
        var result = await prospects.AddAsync(new ProspectDraft(email, "Jane", null, domain), Admin, CancellationToken.None);

        Assert.Equal(ProspectSaveResult.Refused(message), result);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task AnAddressAlreadyKnownIsRefusedOnAddAndOnEdit()
    {
        await prospects.AddAsync(new ProspectDraft("jane@northwind.com", null, null, null), Admin, CancellationToken.None);
        await prospects.AddAsync(new ProspectDraft("bob@northwind.com", null, null, null), Admin, CancellationToken.None);
        var bob = await IdOfAsync("bob@northwind.com");

        var added = await prospects.AddAsync(new ProspectDraft("JANE@northwind.com", null, null, null), Admin, CancellationToken.None);
        var edited = await prospects.UpdateAsync(bob, new ProspectDraft("jane@northwind.com", null, null, null), Admin, CancellationToken.None);

        Assert.Equal("jane@northwind.com is already a prospect.", added.Problem);
        Assert.Equal("jane@northwind.com is already a prospect.", edited.Problem);
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.Prospects.CountAsync());
    }

    [Fact]
    public async Task EditingAndDeletingAreAuditedWithBeforeAndAfterAndEachBumpsTheBasis()
    {
        await prospects.AddAsync(new ProspectDraft("jane@northwind.com", "Jane", null, null), Admin, CancellationToken.None);
        var id = await IdOfAsync("jane@northwind.com");

        var unchanged = await prospects.UpdateAsync(id, new ProspectDraft("jane@northwind.com", "Jane", null, null), Admin, CancellationToken.None);
        var edited = await prospects.UpdateAsync(id, new ProspectDraft("jane@northwind.com", "Jane Doe", "Northwind", "northwind.com"), Admin, CancellationToken.None);
        await prospects.DeleteAsync(id, "other@contoso.com", CancellationToken.None);

        Assert.True(unchanged.Saved && edited.Saved);
        await using var db = database.CreateContext();
        Assert.False(await db.Prospects.AnyAsync());
        var audit = await db.AuditEvents.OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["basis.prospect.added", "basis.prospect.updated", "basis.prospect.deleted"], audit.Select(a => a.Action));
        Assert.Contains("\"Name\":\"Jane\"", audit[1].Before, StringComparison.Ordinal);
        Assert.Contains("\"Name\":\"Jane Doe\"", audit[1].After, StringComparison.Ordinal);
        Assert.Equal(("other@contoso.com", "jane@northwind.com"), (audit[2].Actor, audit[2].Target));
        Assert.Equal(4, (await db.BasisStates.SingleAsync()).Version);
    }

    [Fact]
    public async Task SearchPagesOnTheServerAndTakesLikeWildcardsLiterally()
    {
        await using (var db = database.CreateContext())
        {
            for (var i = 0; i < 60; i++)
            {
                db.Prospects.Add(new StoredProspect { Email = $"p{i:D2}@northwind.com", Company = "Northwind" });
            }

            db.Prospects.Add(new StoredProspect { Email = "under_score@fabrikam.com", Name = "Ann 100%" });
            db.Prospects.Add(new StoredProspect { Email = "plain@fabrikam.com", Name = "Ann 1000" });
            await db.SaveChangesAsync();
        }

        var second = await prospects.SearchAsync("NORTHWIND", skip: 25, take: 25, CancellationToken.None);
        var percent = await prospects.SearchAsync("100%", 0, 25, CancellationToken.None);
        var underscore = await prospects.SearchAsync("_", 0, 25, CancellationToken.None);

        Assert.Equal(60, second.Total);
        Assert.Equal(Enumerable.Range(25, 25).Select(i => $"p{i:D2}@northwind.com"), second.Prospects.Select(p => p.Email));
        Assert.Equal(["under_score@fabrikam.com"], percent.Prospects.Select(p => p.Email));
        Assert.Equal(["under_score@fabrikam.com"], underscore.Prospects.Select(p => p.Email));
    }

    [Fact]
    public async Task TheExportReadsBackAsTheSameProspectsAndIsAudited()
    {
        await using (var db = database.CreateContext())
        {
            db.Prospects.AddRange(
                new StoredProspect { Email = "a@northwind.com", Name = "Doe, \"JJ\"", Company = "North; wind", AccountDomain = "northwind.com" },
                new StoredProspect { Email = "b@northwind.com", Name = "Two\nLines", Company = " padded " },
                new StoredProspect { Email = "c@northwind.com" });
            await db.SaveChangesAsync();
        }

        var csv = new StringWriter();
        await prospects.ExportAsync(csv, Admin, CancellationToken.None);
        var parsed = await ProspectCsvParser.ParseAsync(new StringReader(csv.ToString()), CancellationToken.None);

        Assert.StartsWith(ProspectCsvWriter.Header + "\r\n", csv.ToString(), StringComparison.Ordinal);
        Assert.Empty(parsed.Errors);
        Assert.Equal(
            [
                new Prospect("a@northwind.com", "Doe, \"JJ\"", "North; wind", "northwind.com"),
                new Prospect("b@northwind.com", "Two\nLines", "padded"),
                new Prospect("c@northwind.com"),
            ],
            parsed.Prospects.Select(p => p.Prospect));
        await using var read = database.CreateContext();
        Assert.Equal("basis.prospects.exported", (await read.AuditEvents.SingleAsync()).Action);
    }

    [Fact]
    public void TheFormReportsEachFieldsProblemWhereTheAdminTypedIt()
    {
        var draft = new ProspectDraft("jane@", new string('x', 201), null, "hotmail.co.uk");

        Assert.Equal("'jane@' is not an email address", draft.ProblemWith(ProspectField.Email));
        Assert.Equal("longer than 200 characters", draft.ProblemWith(ProspectField.Name));
        Assert.Null(draft.ProblemWith(ProspectField.Company));
        Assert.Equal("hotmail.co.uk is a free-mail domain and cannot be an account domain", draft.ProblemWith(ProspectField.AccountDomain));
        Assert.Empty(new ProspectDraft("jane@fabrikam.com", null, null, "fabrikam.com").Problems());
    }

    public Task DisposeAsync()
    {
        database.Dispose();
        return Task.CompletedTask;
    }

    private async Task<int> IdOfAsync(string email)
    {
        await using var db = database.CreateContext();
        return await db.Prospects.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
    }

    private async Task AssertUnchangedAsync()
    {
        await using var db = database.CreateContext();
        Assert.False(await db.Prospects.AnyAsync());
        Assert.False(await db.AuditEvents.AnyAsync());
        Assert.Equal(1, (await db.BasisStates.SingleAsync()).Version);
    }
}
