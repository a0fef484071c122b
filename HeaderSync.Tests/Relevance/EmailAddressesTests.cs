using HeaderSync.Engine.Relevance;

namespace HeaderSync.Tests.Relevance;

public sealed class EmailAddressesTests
{
    [Theory]
    [InlineData(" Jane@Fabrikam.COM ", "jane@fabrikam.com")]
    [InlineData("<jane@fabrikam.com>", "jane@fabrikam.com")]
    [InlineData("< jane@fabrikam.com >", "jane@fabrikam.com")]
    [InlineData("<jane@fabrikam.com", "jane@fabrikam.com")]
    [InlineData("<<jane@fabrikam.com>>", "jane@fabrikam.com")]
    [InlineData("jane@fabrikam.com>", "jane@fabrikam.com")]
    [InlineData("Jane Doe <jane@fabrikam.com>", "jane@fabrikam.com")]
    [InlineData("\"ceo@prospect.com\" <x@evil.com>", "x@evil.com")]
    [InlineData("anna@bücher.de", "anna@xn--bcher-kva.de")]
    [InlineData("anna@BÜCHER.DE", "anna@xn--bcher-kva.de")]
    [InlineData("anna@xn--bcher-kva.de", "anna@xn--bcher-kva.de")]
    [InlineData("jane+tag@fabrikam.com", "jane+tag@fabrikam.com")]
    [InlineData("j.a.n.e@gmail.com", "j.a.n.e@gmail.com")]
    [InlineData("\"john doe\"@fabrikam.com", "\"john doe\"@fabrikam.com")]
    [InlineData("\"a@b\"@fabrikam.com", "\"a@b\"@fabrikam.com")]
    [InlineData("user@localhost", "user@localhost")]
    public void NormalizesAsDesignSays(string text, string expected)
    {
        Assert.Equal(expected, EmailAddresses.Normalize(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("no-at-sign")]
    [InlineData("@fabrikam.com")]
    [InlineData("jane@")]
    [InlineData("<>")]
    [InlineData("undisclosed-recipients:;")]
    [InlineData("jane@ü..de")]
    [InlineData("<<>>")]
    public void NoAddressGivesNull(string? text)
    {
        Assert.Null(EmailAddresses.Normalize(text));
    }

    [Theory]
    [InlineData("jane@fabrikam.com", "jane@fabrikam.com")]
    [InlineData(" Jane@Fabrikam.com ", "jane@fabrikam.com")]
    [InlineData("o'brien@fabrikam.co.uk", "o'brien@fabrikam.co.uk")]
    [InlineData("\"john doe\"@fabrikam.com", "\"john doe\"@fabrikam.com")]
    [InlineData("jürgen@bücher.de", "jürgen@xn--bcher-kva.de")]
    public void StrictCheckAcceptsRealAddresses(string text, string expected)
    {
        Assert.True(EmailAddresses.TryNormalizeStrict(text, out var address, out var error), error);
        Assert.Equal(expected, address);
    }

    [Theory]
    [InlineData("jane")]
    [InlineData("jane@@fabrikam.com")]
    [InlineData("jane doe@fabrikam.com")]
    [InlineData("jane@fabrikam")]
    [InlineData("jane@fab rikam.com")]
    [InlineData(".jane@fabrikam.com")]
    [InlineData("ja..ne@fabrikam.com")]
    [InlineData("jane@-fabrikam.com")]
    [InlineData("jane@fabrikam..com")]
    [InlineData("jane,bob@fabrikam.com")]
    [InlineData("")]
    public void StrictCheckRejectsWhatIsNoAddress(string text)
    {
        Assert.False(EmailAddresses.TryNormalizeStrict(text, out var address, out var error));
        Assert.Null(address);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
