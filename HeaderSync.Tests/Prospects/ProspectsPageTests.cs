using Bunit;
using HeaderSync.Data.Database;
using HeaderSync.Engine.Basis;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.Prospects;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using StoredProspect = HeaderSync.Data.Basis.Prospect;

namespace HeaderSync.Tests.Prospects;

public sealed class ProspectsPageTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private readonly BunitContext context = MudTestContext.Create();

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        await using (var db = database.CreateContext())
        {
            db.Prospects.Add(new StoredProspect { Email = "known@fabrikam.com", Name = "Known" });
            await db.SaveChangesAsync();
        }

        var contexts = new TempDatabaseContextFactory(database);
        context.Services.AddSingleton<IDbContextFactory<HeaderSyncDbContext>>(contexts);
        context.Services.AddSingleton(new ProspectAdministration(contexts, TimeProvider.System));
        context.Services.AddSingleton(new BasisImport(contexts, TimeProvider.System));
        context.AddAuthorization().SetAuthorized("admin@contoso.com");
        context.Render<MudPopoverProvider>();
    }

    [Fact]
    public async Task AnUploadedCsvIsPreviewedWithItsBadLinesAndNewOrUpdatedRowsThenImported()
    {
        var page = context.Render<ProspectsPage>();
        page.WaitForAssertion(() => Assert.Contains("known@fabrikam.com", Addresses(page)));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "email;name;account_domain\n" +
            "new@northwind.com;New;northwind.com\n" +
            "KNOWN@fabrikam.com;Known Again;fabrikam.com\n" +
            "\n" +
            "free@gmail.com;Free;gmail.com\n",
            "prospects.csv"));

        page.WaitForAssertion(() => Assert.Contains(
            "2 valid lines: 1 new, 1 updated; 1 line with errors will not be imported.",
            Squeezed(page.Find("[data-testid=import-summary]").TextContent), StringComparison.Ordinal));
        Assert.Equal(
            ["5", "account_domain: gmail.com is a free-mail domain and cannot be an account domain"],
            page.FindAll("[data-testid=import-errors] tbody td").Select(td => td.TextContent.Trim()));
        var rows = page.FindAll("[data-testid=import-rows] tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["2", "new@northwind.com", "New", "", "northwind.com", "New"], rows[0]);
        Assert.Equal(["3", "known@fabrikam.com", "Known Again", "", "fabrikam.com", "Updated"], rows[1]);

        await page.Find("[data-testid=import-confirm]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=import-preview]")));
        page.WaitForAssertion(() => Assert.Equal(["known@fabrikam.com", "new@northwind.com"], Addresses(page)));
        await using var db = database.CreateContext();
        Assert.Equal("Known Again", (await db.Prospects.SingleAsync(p => p.Email == "known@fabrikam.com")).Name);
        Assert.False(await db.Prospects.AnyAsync(p => p.Email == "free@gmail.com"));
    }

    [Fact]
    public async Task TheFormRefusesAFreeMailAccountDomainUnderTheFieldUntilItIsFixed()
    {
        var page = context.Render<ProspectsPage>();
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Add prospect").Click();
        Assert.True(SaveButton(page).HasAttribute("disabled"));

        Input(page, "Email").Input("jane@northwind.com");
        Input(page, "Account domain").Input("Gmail.com");

        page.WaitForAssertion(() => Assert.Contains(
            "gmail.com is a free-mail domain and cannot be an account domain", page.Find("[data-testid=prospect-form]").TextContent,
            StringComparison.Ordinal));
        Assert.True(SaveButton(page).HasAttribute("disabled"));

        Input(page, "Account domain").Input("northwind.com");
        page.WaitForAssertion(() => Assert.False(SaveButton(page).HasAttribute("disabled")));
        Assert.DoesNotContain("free-mail", page.Find("[data-testid=prospect-form]").TextContent, StringComparison.Ordinal);
        await SaveButton(page).ClickAsync(new());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=prospect-form]")));
        page.WaitForAssertion(() => Assert.Contains("jane@northwind.com", Addresses(page)));
        await using var db = database.CreateContext();
        Assert.Equal("northwind.com", (await db.Prospects.SingleAsync(p => p.Email == "jane@northwind.com")).AccountDomain);
    }

    [Fact]
    public void AnAddressAlreadyKnownIsRefusedWithAMessageAndTheFormStaysOpen()
    {
        var page = context.Render<ProspectsPage>();
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Add prospect").Click();

        Input(page, "Email").Input("Known@Fabrikam.com");
        page.WaitForAssertion(() => Assert.False(SaveButton(page).HasAttribute("disabled")));
        SaveButton(page).Click();

        page.WaitForAssertion(() => Assert.Equal(
            "known@fabrikam.com is already a prospect.", page.Find("[data-testid=prospect-refusal]").TextContent.Trim()));
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        database.Dispose();
    }

    private static List<string> Addresses(IRenderedComponent<ProspectsPage> page) =>
        [.. page.FindAll("[data-testid=prospect-address]").Select(td => td.TextContent.Trim())];

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<ProspectsPage> page, string label) =>
        page.FindAll("[data-testid=prospect-form] .mud-input-control")
            .Single(c => c.QuerySelector("label")?.TextContent.Trim().TrimEnd('*').Trim() == label)
            .QuerySelector("input")!;

    private static AngleSharp.Dom.IElement SaveButton(IRenderedComponent<ProspectsPage> page) =>
        page.Find("[data-testid=prospect-form] button.mud-button-filled");

    private static string Squeezed(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
