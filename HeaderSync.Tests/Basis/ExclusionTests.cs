using HeaderSync.Engine.Basis;
using ExclusionKind = HeaderSync.Data.Basis.ExclusionKind;

namespace HeaderSync.Tests.Basis;

public sealed class ExclusionTests
{
    [Theory]
    [InlineData("blocked@adatum.com", ExclusionKind.Address, "blocked@adatum.com")]
    [InlineData(" Blocked@ADATUM.com ", ExclusionKind.Address, "blocked@adatum.com")]
    [InlineData("*@adatum.com", ExclusionKind.Domain, "adatum.com")]
    [InlineData("adatum.com", ExclusionKind.Domain, "adatum.com")]
    [InlineData("Bücher.de", ExclusionKind.Domain, "xn--bcher-kva.de")]
    [InlineData("a#b@adatum.com", ExclusionKind.Address, "a#b@adatum.com")]
    public void ReadsEachForm(string text, ExclusionKind kind, string value)
    {
        Assert.True(Exclusion.TryParse(text, out var exclusion, out var error), error);
        Assert.Equal(new Exclusion(kind, value), exclusion);
    }

    [Theory]
    [InlineData("")]
    [InlineData("adatum")]
    [InlineData("*@")]
    [InlineData("*@adatum")]
    [InlineData("a b@adatum.com")]
    [InlineData("@@adatum.com")]
    public void RejectsWhatIsNeither(string text)
    {
        Assert.False(Exclusion.TryParse(text, out var exclusion, out var error));
        Assert.Null(exclusion);
        Assert.NotEmpty(error);
    }
}
