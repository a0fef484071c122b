using System.Security.Claims;
using Bunit;
using HeaderSync.Data.Basis;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Privacy;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.Review;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace HeaderSync.Tests.Privacy;

public sealed class ErasePersonDialogTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private readonly BunitContext context = MudTestContext.Create();

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        await using (var db = database.CreateContext())
        {
            var mailbox = new Mailbox { Id = Guid.NewGuid(), OwnerAddress = "seller@contoso.com", Provider = EmailProvider.Office365OAuth };
            db.Mailboxes.Add(mailbox);
            db.Prospects.Add(new Prospect { Email = "carol@wingtip.example" });
            db.EmailDecisions.Add(new EmailDecision
            {
                MailboxId = mailbox.Id, GraphMessageId = "m1", Subject = "Offer", Decision = Decision.Synced,
                Reason = DecisionReason.Prospect,
                Participants = [new EmailParticipant { Role = ParticipantRole.From, Address = "carol@wingtip.example", Domain = "wingtip.example" }],
            });
            await db.SaveChangesAsync();
        }

        context.Services.AddSingleton(new PersonErasure(
            new TempDatabaseContextFactory(database), TimeProvider.System, NullLogger<PersonErasure>.Instance));
        context.Services.AddSingleton<AuthenticationStateProvider>(new SignedIn("admin@contoso.com"));
    }

    [Fact]
    public async Task TheReviewToolbarActionErasesAPersonOnlyAfterShowingWhatItWillTouch()
    {
        var erased = 0;
        var provider = context.Render<MudDialogProvider>();
        var button = context.Render<ErasePersonButton>(p => p.Add(b => b.Erased, EventCallback.Factory.Create(this, () => erased++)));

        button.Find("button[data-testid=erase-person]").Click();
        provider.WaitForElement("input[data-testid=erase-address]").Change("Carol@Wingtip.example");
        await provider.Find("button[data-testid=erase-check]").ClickAsync(new());

        provider.WaitForAssertion(() => Assert.Contains(
            "1 email names carol@wingtip.example, a prospect", provider.Find("[data-testid=erase-preview]").TextContent,
            StringComparison.Ordinal));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.EmailDecisions.CountAsync(d => d.Reason == DecisionReason.Erased));
        }

        await provider.Find("button[data-testid=erase-confirm]").ClickAsync(new());

        provider.WaitForAssertion(() => Assert.Equal(1, erased));
        Assert.Empty(provider.FindAll("[data-testid=erase-dialog]"));
        await using var read = database.CreateContext();
        Assert.Equal(DecisionReason.Erased, (await read.EmailDecisions.SingleAsync()).Reason);
        Assert.Equal("admin@contoso.com", (await read.AuditEvents.SingleAsync(a => a.Action == PersonErasure.AuditAction)).Actor);
    }

    [Fact]
    public async Task AnAddressThatIsNoAddressGetsAClearMessageAndNoEraseButton()
    {
        var provider = context.Render<MudDialogProvider>();
        var button = context.Render<ErasePersonButton>();

        button.Find("button[data-testid=erase-person]").Click();
        provider.WaitForElement("input[data-testid=erase-address]").Change("carol at wingtip");
        await provider.Find("button[data-testid=erase-check]").ClickAsync(new());

        provider.WaitForAssertion(() => Assert.Contains(
            "not an email address", provider.Find("[data-testid=erase-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(provider.FindAll("button[data-testid=erase-confirm]"));
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        database.Dispose();
    }

    private sealed class SignedIn(string name) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new ClaimsPrincipal(
                new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "test"))));
    }
}
