using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Basis;
using HeaderSync.Engine.Relevance;
using ExclusionKind = HeaderSync.Data.Basis.ExclusionKind;

namespace HeaderSync.Tests.Relevance;

public sealed class FlipSearchTests
{
    private static readonly HashSet<string> Verified = new(StringComparer.OrdinalIgnoreCase) { TestEmails.Internal };

    private static FlipSearchResult Search(HeaderFields email, RelevanceBasis? basis = null) =>
        FlipSearch.Run(email, basis ?? TestEmails.CreateBasis(), Verified, threads: null);

    private static List<(BasisChangeKind, string)> ChangesOf(BasisFlip flip) =>
        [.. flip.Changes.Select(c => (c.Kind, c.Value))];

    [Fact]
    public void AStrangersEmailFlipsByAddingThemAsAProspectOrTheirAccountDomain()
    {
        var result = Search(TestEmails.Inbound("carol@contoso-partner.com"));

        Assert.Equal(DecisionReason.NoProspect, result.Outcome.Reason);
        Assert.Equal(FlipBlocker.None, result.Blocker);
        Assert.Equal(
            [
                [(BasisChangeKind.AddProspect, "carol@contoso-partner.com")],
                [(BasisChangeKind.AddAccountDomain, "contoso-partner.com")],
            ],
            result.Flips.Select(ChangesOf));
        Assert.Equal(
            [DecisionReason.Prospect, DecisionReason.AccountDomain],
            result.Flips.Select(f => f.Outcome.Reason));
        Assert.All(result.Flips, f => Assert.Equal(Decision.Synced, f.Outcome.Decision));
    }

    [Fact]
    public void AFreeMailSenderIsOfferedAsAProspectButNeverAsAnAccountDomain()
    {
        var result = Search(TestEmails.Inbound("someone@gmail.com"));

        var flip = Assert.Single(result.Flips);
        Assert.Equal([(BasisChangeKind.AddProspect, "someone@gmail.com")], ChangesOf(flip));
    }

    [Fact]
    public void WithoutAccountDomainMatchingOnlyAProspectFlipsIt()
    {
        var basis = TestEmails.CreateBasis() with { AccountDomainMatching = false };

        var result = Search(TestEmails.Inbound("carol@partner.example"), basis);

        var flip = Assert.Single(result.Flips);
        Assert.Equal(BasisChangeKind.AddProspect, flip.Changes.Single().Kind);
    }

    [Fact]
    public void AnExcludedProspectFlipsByRemovingTheExclusionAlone()
    {
        var basis = TestEmails.CreateBasis() with
        {
            Exclusions = [new Exclusion(ExclusionKind.Address, "jane@fabrikam.com")],
        };

        var result = Search(TestEmails.Inbound("jane@fabrikam.com"), basis);

        Assert.Equal(DecisionReason.Excluded, result.Outcome.Reason);
        var flip = Assert.Single(result.Flips);
        Assert.Equal([(BasisChangeKind.RemoveExclusion, "jane@fabrikam.com")], ChangesOf(flip));
        Assert.Equal(DecisionReason.Prospect, flip.Outcome.Reason);
    }

    [Fact]
    public void EveryMatchingExclusionIsRemovedBeforeAStrangerIsAdded()
    {
        // Two exclusions stand in the way: the sender's domain and a copied address.
        var email = TestEmails.Inbound("x@spam.example", "seller@contoso.com", "blocked@adatum.com");

        var result = Search(email);

        Assert.Equal(DecisionReason.Excluded, result.Outcome.Reason);
        Assert.NotEmpty(result.Flips);
        Assert.All(result.Flips, flip =>
        {
            Assert.Equal(
                [(BasisChangeKind.RemoveExclusion, "spam.example"), (BasisChangeKind.RemoveExclusion, "blocked@adatum.com")],
                ChangesOf(flip).Take(2));
            Assert.Equal(3, flip.Changes.Count);
            Assert.Equal(Decision.Synced, flip.Outcome.Decision);
        });
        Assert.Contains(result.Flips, f => f.Changes[^1] == new BasisChange(BasisChangeKind.AddProspect, "x@spam.example"));
    }

    [Fact]
    public void MailAmongAnAdminAddedDomainFlipsByRemovingItAndAddingTheOtherSide()
    {
        var basis = TestEmails.CreateBasis() with { InternalDomains = [TestEmails.Internal, "contoso-labs.com"] };
        var email = TestEmails.Inbound("lab@contoso-labs.com", "seller@contoso.com");

        var result = Search(email, basis);

        Assert.Equal(DecisionReason.InternalOnly, result.Outcome.Reason);
        Assert.Contains(result.Flips, f => ChangesOf(f).SequenceEqual(
            [(BasisChangeKind.RemoveInternalDomain, "contoso-labs.com"), (BasisChangeKind.AddProspect, "lab@contoso-labs.com")]));
        Assert.All(result.Flips, f => Assert.Equal(2, f.Changes.Count));
    }

    [Fact]
    public void MailAmongVerifiedDomainsFlipsByNothing()
    {
        var result = Search(TestEmails.Inbound("colleague@contoso.com", "seller@contoso.com"));

        Assert.Equal(DecisionReason.InternalOnly, result.Outcome.Reason);
        Assert.Empty(result.Flips);
        Assert.Equal(FlipBlocker.VerifiedInternalDomains, result.Blocker);
        Assert.Contains("verified", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void AutomatedMailFlipsByNothingEvenFromAProspect()
    {
        var email = TestEmails.Inbound("jane@fabrikam.com").WithHeader("List-Unsubscribe", "<mailto:u@fabrikam.com>");

        var result = Search(email);

        Assert.Equal(DecisionReason.Automated, result.Outcome.Reason);
        Assert.Empty(result.Flips);
        Assert.Equal(FlipBlocker.Automated, result.Blocker);
        Assert.Contains("List-Unsubscribe", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExcludedNewsletterIsStillAutomatedOnceTheExclusionIsGone()
    {
        var email = TestEmails.Inbound("news@spam.example").WithHeader("Precedence", "bulk");

        var result = Search(email);

        Assert.Equal(DecisionReason.Excluded, result.Outcome.Reason);
        Assert.Empty(result.Flips);
        Assert.Equal(FlipBlocker.Automated, result.Blocker);
    }

    [Fact]
    public void SensitiveMailFlipsByNothing()
    {
        var email = TestEmails.Inbound("jane@fabrikam.com").WithHeader("Sensitivity", "Private");

        var result = Search(email);

        Assert.Equal(DecisionReason.Sensitive, result.Outcome.Reason);
        Assert.Empty(result.Flips);
        Assert.Equal(FlipBlocker.Sensitive, result.Blocker);
    }

    [Fact]
    public void AnEmailWithNoAddressOutsideHasNothingToAdd()
    {
        var email = new HeaderFields { Folder = FolderKind.Inbox, Subject = "no one", InternetMessageHeaders = [] };

        var result = Search(email);

        Assert.Equal(DecisionReason.NoProspect, result.Outcome.Reason);
        Assert.Equal(FlipBlocker.NoExternalParticipant, result.Blocker);
    }

    [Fact]
    public void ASyncedEmailFlipsByExcludingWhatSyncedIt()
    {
        var prospect = Search(TestEmails.Inbound("jane@fabrikam.com"));
        var account = Search(TestEmails.Inbound("max@tailspin.com"));

        Assert.Equal([(BasisChangeKind.AddExclusion, "jane@fabrikam.com")], ChangesOf(Assert.Single(prospect.Flips)));
        Assert.Equal([(BasisChangeKind.AddExclusion, "tailspin.com")], ChangesOf(Assert.Single(account.Flips)));
        Assert.All(prospect.Flips.Concat(account.Flips), f => Assert.Equal(DecisionReason.Excluded, f.Outcome.Reason));
    }

    [Fact]
    public void TheSearchLeavesTheBasisItWasGivenAsItWas()
    {
        var basis = TestEmails.CreateBasis();
        var before = (basis.Prospects.Count, basis.AccountDomains.Count, basis.Exclusions.Count, basis.InternalDomains.Count);

        Search(TestEmails.Inbound("x@spam.example", "blocked@adatum.com"), basis);

        Assert.Equal(before, (basis.Prospects.Count, basis.AccountDomains.Count, basis.Exclusions.Count, basis.InternalDomains.Count));
    }
}
