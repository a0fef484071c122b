using HeaderSync.Engine.Relevance;

namespace HeaderSync.Tests.Relevance;

public sealed class DomainNamesTests
{
    [Theory]
    [InlineData("fabrikam.com", "fabrikam.com")]
    [InlineData(" FABRIKAM.com ", "fabrikam.com")]
    [InlineData("@fabrikam.com", "fabrikam.com")]
    [InlineData("*@fabrikam.com", "fabrikam.com")]
    [InlineData("eu.fabrikam.com", "eu.fabrikam.com")]
    [InlineData("bücher.de", "xn--bcher-kva.de")]
    [InlineData("Bücher.DE", "xn--bcher-kva.de")]
    public void NormalizesDomains(string text, string expected)
    {
        Assert.True(DomainNames.TryNormalize(text, out var domain, out var error), error);
        Assert.Equal(expected, domain);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fabrikam")]
    [InlineData("fab rikam.com")]
    [InlineData("-fabrikam.com")]
    [InlineData("fabrikam..com")]
    [InlineData("jane@fabrikam.com")]
    [InlineData("fabrikam.com/x")]
    public void RejectsWhatIsNoDomain(string text)
    {
        Assert.False(DomainNames.TryNormalize(text, out _, out var error));
        Assert.Contains("domain", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fabrikam.com", "fabrikam.com", true)]
    [InlineData("eu.fabrikam.com", "fabrikam.com", true)]
    [InlineData("a.b.EU.Fabrikam.com", "fabrikam.com", true)]
    [InlineData("notfabrikam.com", "fabrikam.com", false)]
    [InlineData("fabrikam.com.evil", "fabrikam.com", false)]
    [InlineData("com", "fabrikam.com", false)]
    [InlineData("fabrikam.com", "", false)]
    public void MatchesByWholeLabelSuffix(string domain, string parent, bool expected)
    {
        Assert.Equal(expected, DomainNames.IsWithin(domain, parent));
    }
}
