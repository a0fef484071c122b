using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Basis;
using HeaderSync.Engine.Relevance;
using ExclusionKind = HeaderSync.Data.Basis.ExclusionKind;

namespace HeaderSync.Tests.Basis;

public sealed class BasisIndexTests
{
    [Fact]
    public void FreeMailInternalAndInvalidAccountDomainsAreRefused()
    {
        var basis = new RelevanceBasis
        {
            InternalDomains = ["contoso.com"],
            AccountDomains = ["Gmail.com", "mail.yahoo.com", "contoso.com", "not a domain", "fabrikam.com"],
            Prospects = [new Prospect("x@outlook.com", AccountDomain: "outlook.com")],
        };

        var index = BasisIndex.Create(basis);

        Assert.Equal(
            ["Gmail.com", "mail.yahoo.com", "contoso.com", "not a domain", "outlook.com"],
            index.RefusedAccountDomains);
        Assert.Equal(DecisionReason.AccountDomain, Decide(index, "ceo@fabrikam.com").Reason);
        Assert.Equal(DecisionReason.NoProspect, Decide(index, "someone@gmail.com").Reason);
        Assert.Equal(DecisionReason.Prospect, Decide(index, "x@outlook.com").Reason);
    }

    [Fact]
    public void BasisIsNormalisedWhenIndexed()
    {
        var basis = new RelevanceBasis
        {
            InternalDomains = [" CONTOSO.com "],
            Prospects = [new Prospect(" <Jane@Fabrikam.COM> ")],
            Exclusions = [new Exclusion(ExclusionKind.Domain, "Bücher.de")],
        };

        var index = BasisIndex.Create(basis);

        Assert.True(index.IsInternalAddress("seller@eu.contoso.com"));
        Assert.Equal(DecisionReason.Prospect, Decide(index, "jane@fabrikam.com").Reason);
        Assert.Equal(DecisionReason.Excluded, Decide(index, "x@xn--bcher-kva.de").Reason);
    }

    [Theory]
    [InlineData("seller@contoso.com", true)]
    [InlineData("Seller <seller@EU.CONTOSO.COM>", true)]
    [InlineData("seller@notcontoso.com", false)]
    [InlineData("contoso.com", false)]
    [InlineData(null, false)]
    public void KnowsInternalAddresses(string? address, bool expected)
    {
        var index = BasisIndex.Create(new RelevanceBasis { InternalDomains = ["contoso.com"] });

        Assert.Equal(expected, index.IsInternalAddress(address));
    }

    [Fact]
    public void EmptyBasisDecidesEverythingNoProspect()
    {
        var outcome = RelevanceDecider.Decide(
            new HeaderFields { From = new("a@b.com"), To = [new("c@d.com")] }, BasisIndex.Empty, null);

        Assert.Equal(DecisionReason.NoProspect, outcome.Reason);
    }

    private static RelevanceOutcome Decide(BasisIndex index, string from) => RelevanceDecider.Decide(
        new HeaderFields { From = new EmailParty(from), To = [new("seller@contoso.com")] }, index, null);
}
