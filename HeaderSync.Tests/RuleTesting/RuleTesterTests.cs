using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Relevance;
using HeaderSync.Engine.RuleTesting;
using HeaderSync.Tests.Infrastructure;

namespace HeaderSync.Tests.RuleTesting;

public sealed class RuleTesterTests(RuleTestDatabase stored) : IClassFixture<RuleTestDatabase>
{
    private readonly RuleTester tester = new(new TempDatabaseContextFactory(stored.Database));

    [Fact]
    public async Task ANewsletterIsAutomatedAgainstTheStoredBasisAndNothingFlipsIt()
    {
        var result = await tester.TestAsync(RuleTestData.Newsletter, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(DecisionReason.Automated, result.Search!.Outcome.Reason);
        Assert.Equal(FlipBlocker.Automated, result.Search.Blocker);
        Assert.Equal("Our November newsletter", result.Email!.Subject);
    }

    [Fact]
    public async Task AReplyNamingASyncedEmailOfAnyMailboxIsSyncedByThread()
    {
        var result = await tester.TestAsync(RuleTestData.ReplyToSyncedThread, CancellationToken.None);

        Assert.Equal((Decision.Synced, DecisionReason.Thread), (result.Search!.Outcome.Decision, result.Search.Outcome.Reason));
        Assert.Equal("In-Reply-To: <offer-1@contoso.com>", result.Search.Outcome.Trace[6].Matched);
    }

    [Fact]
    public async Task AnAdminAddedInternalDomainCanBeRemovedAVerifiedOneCannot()
    {
        const string Labs = "From: lab@contoso-labs.com\nTo: seller@contoso.com\nSubject: lab\n";
        const string Colleagues = "From: boss@contoso.com\nTo: seller@contoso.com\nSubject: hi\n";

        var labs = await tester.TestAsync(Labs, CancellationToken.None);
        var colleagues = await tester.TestAsync(Colleagues, CancellationToken.None);

        Assert.Equal(DecisionReason.InternalOnly, labs.Search!.Outcome.Reason);
        Assert.Contains(labs.Search.Flips, f => f.Changes[0] == new BasisChange(BasisChangeKind.RemoveInternalDomain, "contoso-labs.com"));
        Assert.Equal(FlipBlocker.VerifiedInternalDomains, colleagues.Search!.Blocker);
    }

    [Fact]
    public async Task MailFromAnInternalAddressIsDecidedAsSentMail()
    {
        const string Sent = "From: seller@contoso.com\nTo: carol@wingtip.example\nBcc: jane@fabrikam.com\nSubject: x\n";

        var result = await tester.TestAsync(Sent, CancellationToken.None);

        Assert.Equal(FolderKind.Sent, result.Email!.Folder);
        Assert.Equal(DecisionReason.Prospect, result.Search!.Outcome.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("this is not an email at all")]
    [InlineData("\u0000\u0001\u0002binary")]
    public async Task InputWithoutHeadersIsRefusedWithAClearMessage(string input)
    {
        var result = await tester.TestAsync(input, CancellationToken.None);

        Assert.Equal(RuleTester.NoHeaders, result.Error);
        Assert.Null(result.Search);
    }

    [Fact]
    public async Task HeadersWithoutAnyAddressAreRefusedWithAClearMessage()
    {
        var result = await tester.TestAsync("Subject: hello\nX-Mailer: test\n", CancellationToken.None);

        Assert.Equal(RuleTester.NoParticipants, result.Error);
    }

    [Fact]
    public async Task AWholeMessageIsDecidedFromItsHeaderBlockAlone()
    {
        var eml = RuleTestData.Stranger + "\nContent-Type: text/plain\n\nList-Unsubscribe: not a header, the body\n";

        await using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(eml.ReplaceLineEndings("\r\n")));
        var result = await tester.TestAsync(stream, CancellationToken.None);

        Assert.Equal(DecisionReason.NoProspect, result.Search!.Outcome.Reason);
        Assert.Contains(result.Search.Flips, f => f.Changes.Single() == new BasisChange(BasisChangeKind.AddProspect, "carol@wingtip.example"));
    }
}
