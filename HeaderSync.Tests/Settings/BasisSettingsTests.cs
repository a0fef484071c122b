using HeaderSync.Data.Basis;
using HeaderSync.Engine.Basis;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.Settings;
using Microsoft.EntityFrameworkCore;
using Exclusion = HeaderSync.Engine.Basis.Exclusion;

namespace HeaderSync.Tests.Settings;

public sealed class BasisSettingsTests : IAsyncLifetime
{
    private const string Admin = "admin@contoso.com";
    private readonly TempDatabase database = new();
    private InternalDomainAdministration domains = null!;
    private ExclusionAdministration exclusions = null!;

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        var contexts = new TempDatabaseContextFactory(database);

        // Reading verified domains from Microsoft 365 is the engine tests' part.
        domains = new InternalDomainAdministration(contexts, enrolment: null!, TimeProvider.System);
        exclusions = new ExclusionAdministration(
            contexts, new BasisImport(contexts, TimeProvider.System), new ExclusionPurge(contexts, TimeProvider.System), TimeProvider.System);
        await using var db = database.CreateContext();
        db.InternalDomains.Add(new InternalDomain { Domain = "contoso.com", Source = InternalDomainSource.Verified });
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData("gmail.com", "gmail.com is a free-mail domain and cannot be an internal domain.")]
    [InlineData("CONTOSO.com", "contoso.com is already an internal domain.")]
    [InlineData("not a domain", "'not a domain' is not a domain: ")]
    public async Task AnInternalDomainThatCannotBeIsRefusedWithAClearMessage(string text, string message)
    {
        var result = await domains.AddAsync(text, Admin, CancellationToken.None);

        Assert.False(result.Saved);
        Assert.StartsWith(message, result.Problem, StringComparison.Ordinal);
        await AssertBasisVersionAsync(1);
    }

    [Fact]
    public async Task AnAdminsDomainIsAddedAndRemovedWhileVerifiedOnesStayAndEachChangeIsAudited()
    {
        var added = await domains.AddAsync(" Contoso-Sales.COM ", Admin, CancellationToken.None);
        var listed = await domains.ListAsync(CancellationToken.None);
        foreach (var domain in listed)
        {
            await domains.RemoveAsync(domain.Id, Admin, CancellationToken.None);
        }

        Assert.True(added.Saved);
        Assert.Equal([("contoso.com", InternalDomainSource.Verified), ("contoso-sales.com", InternalDomainSource.Admin)],
            listed.Select(d => (d.Domain, d.Source)));
        Assert.Equal(["contoso.com"], (await domains.ListAsync(CancellationToken.None)).Select(d => d.Domain));
        await using var db = database.CreateContext();
        Assert.Equal(["basis.internal-domain.added", "basis.internal-domain.removed"],
            await db.AuditEvents.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        await AssertBasisVersionAsync(3);
    }

    [Theory]
    [InlineData("*@Spam.example", ExclusionKind.Domain, "spam.example")]
    [InlineData("spam.example", ExclusionKind.Domain, "spam.example")]
    [InlineData(" <Jane@Fabrikam.com> ", ExclusionKind.Address, "jane@fabrikam.com")]
    public async Task AnExclusionIsStoredNormalisedWithItsNoteAndWhoAddedItAndBumpsTheBasis(
        string text, ExclusionKind kind, string value)
    {
        var (result, added) = await exclusions.AddAsync(text, " asked to be forgotten ", Admin, CancellationToken.None);

        Assert.True(result.Saved);
        Assert.Equal(new Exclusion(kind, value), added);
        var stored = Assert.Single(await exclusions.ListAsync(CancellationToken.None));
        Assert.Equal((value, kind, "asked to be forgotten", Admin), (stored.Value, stored.Kind, stored.Note, stored.AddedBy));
        await using var db = database.CreateContext();
        var audit = await db.AuditEvents.SingleAsync();
        Assert.Equal(("basis.exclusion.added", value), (audit.Action, audit.Target));
        await AssertBasisVersionAsync(2);
    }

    [Fact]
    public async Task ADuplicateOrUnreadableExclusionIsRefusedAndRemovingOneIsAudited()
    {
        await exclusions.AddAsync("spam.example", null, Admin, CancellationToken.None);

        var (twice, _) = await exclusions.AddAsync("*@SPAM.example", null, Admin, CancellationToken.None);
        var (unreadable, _) = await exclusions.AddAsync("jane@", null, Admin, CancellationToken.None);
        await exclusions.RemoveAsync((await exclusions.ListAsync(CancellationToken.None))[0].Id, Admin, CancellationToken.None);

        Assert.Equal("spam.example is already excluded.", twice.Problem);
        Assert.False(unreadable.Saved);
        Assert.Empty(await exclusions.ListAsync(CancellationToken.None));
        await using var db = database.CreateContext();
        Assert.Equal(["basis.exclusion.added", "basis.exclusion.removed"],
            await db.AuditEvents.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        await AssertBasisVersionAsync(3);
    }

    [Fact]
    public async Task AnExclusionsFileIsReadWithTheEnginesParserAndItsValidLinesImported()
    {
        var file = await ExclusionAdministration.ParseFileAsync(
            new StringReader("# legal hold\nspam.example\nnot an entry\n*@lists.example # newsletters\nceo@rival.example\n"),
            CancellationToken.None);

        var added = await exclusions.ImportAsync(file, Admin, "holds.txt", CancellationToken.None);

        Assert.Equal([3], file.Errors.Select(e => e.Line));
        Assert.Equal(3, added);
        Assert.Equal(["ceo@rival.example", "lists.example", "spam.example"],
            (await exclusions.ListAsync(CancellationToken.None)).Select(e => e.Value));
        await using var db = database.CreateContext();
        Assert.Equal(("basis.imported", "holds.txt"), await db.AuditEvents.Select(a => ValueTuple.Create(a.Action, a.Target)).SingleAsync());
        await AssertBasisVersionAsync(2);
    }

    public Task DisposeAsync()
    {
        database.Dispose();
        return Task.CompletedTask;
    }

    private async Task AssertBasisVersionAsync(long version)
    {
        await using var db = database.CreateContext();
        Assert.Equal(version, (await db.BasisStates.SingleAsync()).Version);
    }
}
