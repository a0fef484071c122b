using HeaderSync.Engine.Relevance;

namespace HeaderSync.Tests.Relevance;

public sealed class MessageIdsTests
{
    [Theory]
    [InlineData("<a@b>", "<a@b>")]
    [InlineData("a@b", "<a@b>")]
    [InlineData("  <a@b>  ", "<a@b>")]
    [InlineData("<a@b", "<a@b>")]
    [InlineData("<>", null)]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    public void NormalizesToTheBracketedForm(string? text, string? expected)
    {
        Assert.Equal(expected, MessageIds.Normalize(text));
    }

    [Fact]
    public void ParsesReferencesAndSkipsGarbage()
    {
        var ids = MessageIds.ParseList(" <a@b>\r\n\t<c@d> garbage <e@f>");

        Assert.Equal(["<a@b>", "<c@d>", "<e@f>"], ids);
    }
}
