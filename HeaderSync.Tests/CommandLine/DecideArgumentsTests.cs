using HeaderSync.Web.CommandLine;

namespace HeaderSync.Tests.CommandLine;

public sealed class DecideArgumentsTests
{
    [Fact]
    public void FilesKeepTheirOrderAndFlagsTheirValues()
    {
        var parsed = DecideArguments.Parse(
            ["b.eml", "--prospects", "p.csv", "--internal-domains", "contoso.com, eu.contoso.com", "a.json"]);

        Assert.Equal(["b.eml", "a.json"], parsed.Files);
        Assert.Equal("p.csv", parsed.ProspectsFile);
        Assert.Equal(["contoso.com", "eu.contoso.com"], parsed.InternalDomains);
        Assert.True(parsed.HasBasisFlags);
    }

    [Fact]
    public void WithoutBasisFlagsTheDatabaseBasisIsUsed() =>
        Assert.False(DecideArguments.Parse(["a.eml"]).HasBasisFlags);

    [Fact]
    public void NoAccountDomainsIsABasisFlag() =>
        Assert.True(DecideArguments.Parse(["--no-account-domains", "a.eml"]).NoAccountDomains);

    [Theory]
    [InlineData("")]
    [InlineData("--prospects p.csv")]
    [InlineData("--exclusions --no-account-domains a.eml")]
    [InlineData("--unknown a.eml")]
    public void WrongArgumentsAreAUsageError(string command) =>
        Assert.Throws<UsageException>(() => DecideArguments.Parse(command.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
}
