using HeaderSync.Engine.Basis;

namespace HeaderSync.Tests.Basis;

public sealed class FreeMailDomainsTests
{
    [Theory]
    [InlineData("gmail.com", true)]
    [InlineData("GMAIL.COM", true)]
    [InlineData(" googlemail.com ", true)]
    [InlineData("@outlook.com", true)]
    [InlineData("eu.hotmail.com", true)]
    [InlineData("proton.me", true)]
    [InlineData("yandex.ru", true)]
    [InlineData("fabrikam.com", false)]
    [InlineData("notgmail.com", false)]
    [InlineData("gmail.com.fabrikam.com", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void RecognisesFreeMailAndItsSubdomains(string? domain, bool expected)
    {
        Assert.Equal(expected, FreeMailDomains.Contains(domain));
    }

    [Fact]
    public void ListHoldsEveryProviderTheProductPromises()
    {
        string[] promised =
        [
            "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
            "yahoo.com", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com",
            "gmx.com", "gmx.de", "web.de", "mail.com", "yandex.ru", "zoho.com",
        ];

        Assert.All(promised, d => Assert.True(FreeMailDomains.All.Contains(d), d));
    }
}
