using Bunit;
using HeaderSync.Engine.RuleTesting;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.RuleTester;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace HeaderSync.Tests.RuleTesting;

public sealed class RuleTesterPageTests(RuleTestDatabase stored) : IClassFixture<RuleTestDatabase>, IAsyncLifetime
{
    private readonly BunitContext context = MudTestContext.Create();

    public Task InitializeAsync()
    {
        context.Services.AddSingleton(new RuleTester(new TempDatabaseContextFactory(stored.Database)));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task PastedHeadersShowTheDecisionTheTraceAndTheChangesThatWouldSyncIt()
    {
        var page = context.Render<RuleTesterPage>();

        page.Find("textarea").Change(RuleTestData.Stranger);
        await page.Find("button[data-testid=decide]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Ignored", page.Find("[data-testid=decision]").TextContent.Trim()));
        Assert.Contains("NoProspect", page.Find("[data-testid=reason]").TextContent, StringComparison.Ordinal);
        Assert.Equal(8, page.FindAll("[data-testid=trace] tbody tr").Count);
        var flips = page.FindAll("[data-testid=flip]").Select(f => f.TextContent).ToList();
        Assert.Contains(flips, f => f.Contains("Add carol@wingtip.example as a prospect", StringComparison.Ordinal)
            && f.Contains("Synced (Prospect)", StringComparison.Ordinal));
        Assert.Contains(flips, f => f.Contains("Add wingtip.example as an account domain", StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=nothing-flips]"));
    }

    [Fact]
    public async Task ANewsletterSaysPlainlyThatNothingFlipsIt()
    {
        var page = context.Render<RuleTesterPage>();

        page.Find("textarea").Change(RuleTestData.Newsletter);
        await page.Find("button[data-testid=decide]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains(
            "No change to the basis would", page.Find("[data-testid=nothing-flips]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Automated", page.Find("[data-testid=reason]").TextContent, StringComparison.Ordinal);
        Assert.Contains("machine-sent", page.Find("[data-testid=nothing-flips]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=flip]"));
    }

    [Fact]
    public async Task GarbageGetsAClearMessageAndNoResult()
    {
        var page = context.Render<RuleTesterPage>();

        page.Find("textarea").Change("hello, is this thing on?");
        await page.Find("button[data-testid=decide]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(RuleTester.NoHeaders, page.Find("[data-testid=rule-test-error]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=rule-test-result]"));
    }

    [Fact]
    public void AnUploadedEmlIsDecidedFromItsHeaders()
    {
        var page = context.Render<RuleTesterPage>();

        page.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromText(RuleTestData.ReplyToSyncedThread + "\n\nThe body.\n", "reply.eml"));

        page.WaitForAssertion(() => Assert.Equal("Synced", page.Find("[data-testid=decision]").TextContent.Trim()));
        Assert.Contains("reply.eml", page.Find("[data-testid=rule-test-result]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Exclude carol@wingtip.example", page.Find("[data-testid=flip]").TextContent, StringComparison.Ordinal);
    }

    public async Task DisposeAsync() => await context.DisposeAsync();
}
